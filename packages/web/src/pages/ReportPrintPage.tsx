import { RequirePermission } from '../modules/auth';
import { ReportPrintScreen } from '../modules/reports';

export function ReportPrintPage() {
  return (
    <RequirePermission anyOf={['registry:read']}>
      <ReportPrintScreen />
    </RequirePermission>
  );
}
