import { createBrowserRouter } from 'react-router';
import { AuditPage } from './AuditPage';
import { CaseNoticePage } from './CaseNoticePage';
import { CasePage } from './CasePage';
import { CasesPage } from './CasesPage';
import { ChangePasswordPage } from './ChangePasswordPage';
import { DeclarationStatusPage } from './DeclarationStatusPage';
import { DeclarationsPage } from './DeclarationsPage';
import { DashboardHouseholdsPage } from './DashboardHouseholdsPage';
import { DashboardPage } from './DashboardPage';
import { DeclarePage } from './DeclarePage';
import { ExchangePage } from './ExchangePage';
import { DepartmentPage } from './DepartmentPage';
import { FocusPage } from './FocusPage';
import { HomePage } from './HomePage';
import { HouseholdPage } from './HouseholdPage';
import { HouseholdsPage } from './HouseholdsPage';
import { ImportPage } from './ImportPage';
import { LinesPage } from './LinesPage';
import { LoginPage } from './LoginPage';
import { NotFoundPage } from './NotFoundPage';
import { ReportPrintPage } from './ReportPrintPage';
import { ReportsPage } from './ReportsPage';
import { SettingsPage } from './SettingsPage';
import { SignedInArea } from './SignedInArea';
import { TargetsPage } from './TargetsPage';
import { UsersPage } from './UsersPage';
import { WarningsPage } from './WarningsPage';

/** Paths here must match the menu (modules/layout/menuConfig.ts). */
export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    // 农户自主申报: public pages outside the signed-in layout.
    { path: '/declare', element: <DeclarePage /> },
    { path: '/declare/status', element: <DeclarationStatusPage /> },
    {
      element: <SignedInArea />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'registry/households', element: <HouseholdsPage /> },
        { path: 'registry/households/:id', element: <HouseholdPage /> },
        { path: 'registry/import', element: <ImportPage /> },
        { path: 'registry/exchange', element: <ExchangePage /> },
        { path: 'dashboard', element: <DashboardPage /> },
        { path: 'dashboard/households', element: <DashboardHouseholdsPage /> },
        { path: 'targets', element: <TargetsPage /> },
        { path: 'reports', element: <ReportsPage /> },
        { path: 'reports/print/:kind', element: <ReportPrintPage /> },
        { path: 'monitoring/warnings', element: <WarningsPage /> },
        { path: 'monitoring/lines', element: <LinesPage /> },
        { path: 'focus', element: <FocusPage /> },
        { path: 'cases', element: <CasesPage /> },
        { path: 'cases/notices', element: <CaseNoticePage /> },
        { path: 'cases/declarations', element: <DeclarationsPage /> },
        { path: 'cases/:id', element: <CasePage /> },
        { path: 'department', element: <DepartmentPage /> },
        { path: 'admin/users', element: <UsersPage /> },
        { path: 'admin/audit', element: <AuditPage /> },
        { path: 'admin/settings', element: <SettingsPage /> },
        { path: 'account/password', element: <ChangePasswordPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
