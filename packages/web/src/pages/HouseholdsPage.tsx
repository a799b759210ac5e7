import { RequirePermission } from '../modules/auth';
import { HouseholdsScreen } from '../modules/registry';

export function HouseholdsPage() {
  return (
    <RequirePermission anyOf={['registry:read']}>
      <HouseholdsScreen />
    </RequirePermission>
  );
}
