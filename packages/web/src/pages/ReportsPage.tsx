import { RequirePermission } from '../modules/auth';

/** Filled in by the reports module. */
export function ReportsPage() {
  return <RequirePermission anyOf={['registry:read']}>{null}</RequirePermission>;
}
