import { RequirePermission } from '../modules/auth';

/** Filled in by the targets module. */
export function TargetsPage() {
  return <RequirePermission anyOf={['registry:read']}>{null}</RequirePermission>;
}
