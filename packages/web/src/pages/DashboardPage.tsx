import { RequirePermission } from '../modules/auth';
import { DashboardScreen } from '../modules/dashboard';

export function DashboardPage() {
  return (
    <RequirePermission anyOf={['registry:read']}>
      <DashboardScreen />
    </RequirePermission>
  );
}
