import { RequirePermission } from '../modules/auth';
import { ReportsScreen } from '../modules/reports';

export function ReportsPage() {
  return (
    <RequirePermission anyOf={['registry:read']}>
      <ReportsScreen />
    </RequirePermission>
  );
}
