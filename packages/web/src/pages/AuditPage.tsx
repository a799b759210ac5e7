import { AuditScreen } from '../modules/audit';
import { RequirePermission } from '../modules/auth';

export function AuditPage() {
  return (
    <RequirePermission anyOf={['audit:read']}>
      <AuditScreen />
    </RequirePermission>
  );
}
