import { RequirePermission } from '../modules/auth';
import { LinesScreen } from '../modules/monitoring';

export function LinesPage() {
  return (
    <RequirePermission anyOf={['registry:read']}>
      <LinesScreen />
    </RequirePermission>
  );
}
