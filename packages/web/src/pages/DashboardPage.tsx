import { RequirePermission } from '../modules/auth';

/** Filled in by the dashboard module. */
export function DashboardPage() {
  return <RequirePermission anyOf={['registry:read']}>{null}</RequirePermission>;
}
