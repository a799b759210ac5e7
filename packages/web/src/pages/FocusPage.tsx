import { RequirePermission } from '../modules/auth';
import { FocusLedgerScreen } from '../modules/focus';

export function FocusPage() {
  return (
    <RequirePermission anyOf={['registry:read']}>
      <FocusLedgerScreen />
    </RequirePermission>
  );
}
