import { RequirePermission } from '../modules/auth';
import { DrillHouseholdsScreen } from '../modules/dashboard';

export function DashboardHouseholdsPage() {
  return (
    <RequirePermission anyOf={['registry:read']}>
      <DrillHouseholdsScreen />
    </RequirePermission>
  );
}
