import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { DeclarationStatusPage } from './DeclarationStatusPage';
import { DeclarePage } from './DeclarePage';
import { HomePage } from './HomePage';
import { LoginPage } from './LoginPage';
import { NotFoundPage } from './NotFoundPage';
import { SignedInArea } from './SignedInArea';

/**
 * A page loaded on first visit: Vite makes each its own chunk, so the charts, the Excel upload screens and the
 * print pages are not in the bundle every clerk downloads at login.
 */
function page<M extends Record<string, ComponentType>>(load: () => Promise<M>, name: keyof M) {
  return async () => ({ Component: (await load())[name] });
}

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
        { path: 'registry/households', lazy: page(() => import('./HouseholdsPage'), 'HouseholdsPage') },
        { path: 'registry/households/:id', lazy: page(() => import('./HouseholdPage'), 'HouseholdPage') },
        { path: 'registry/import', lazy: page(() => import('./ImportPage'), 'ImportPage') },
        { path: 'registry/exchange', lazy: page(() => import('./ExchangePage'), 'ExchangePage') },
        { path: 'dashboard', lazy: page(() => import('./DashboardPage'), 'DashboardPage') },
        { path: 'dashboard/households', lazy: page(() => import('./DashboardHouseholdsPage'), 'DashboardHouseholdsPage') },
        { path: 'targets', lazy: page(() => import('./TargetsPage'), 'TargetsPage') },
        { path: 'reports', lazy: page(() => import('./ReportsPage'), 'ReportsPage') },
        { path: 'reports/print/:kind', lazy: page(() => import('./ReportPrintPage'), 'ReportPrintPage') },
        { path: 'monitoring/warnings', lazy: page(() => import('./WarningsPage'), 'WarningsPage') },
        { path: 'monitoring/lines', lazy: page(() => import('./LinesPage'), 'LinesPage') },
        { path: 'focus', lazy: page(() => import('./FocusPage'), 'FocusPage') },
        { path: 'cases', lazy: page(() => import('./CasesPage'), 'CasesPage') },
        { path: 'cases/notices', lazy: page(() => import('./CaseNoticePage'), 'CaseNoticePage') },
        { path: 'cases/declarations', lazy: page(() => import('./DeclarationsPage'), 'DeclarationsPage') },
        { path: 'cases/:id', lazy: page(() => import('./CasePage'), 'CasePage') },
        { path: 'department', lazy: page(() => import('./DepartmentPage'), 'DepartmentPage') },
        { path: 'admin/users', lazy: page(() => import('./UsersPage'), 'UsersPage') },
        { path: 'admin/audit', lazy: page(() => import('./AuditPage'), 'AuditPage') },
        { path: 'admin/settings', lazy: page(() => import('./SettingsPage'), 'SettingsPage') },
        { path: 'account/password', lazy: page(() => import('./ChangePasswordPage'), 'ChangePasswordPage') },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
