import { RequirePermission } from '../modules/auth';
import { TargetsScreen } from '../modules/targets';

export function TargetsPage() {
  return (
    <RequirePermission anyOf={['registry:read']}>
      <TargetsScreen />
    </RequirePermission>
  );
}
