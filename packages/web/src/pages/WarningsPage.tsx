import { RequirePermission } from '../modules/auth';
import { WarningsScreen } from '../modules/monitoring';

export function WarningsPage() {
  return (
    <RequirePermission anyOf={['registry:read']}>
      <WarningsScreen />
    </RequirePermission>
  );
}
