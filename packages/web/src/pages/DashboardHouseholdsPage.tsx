import { RequirePermission } from '../modules/auth';

/** Filled in by the dashboard module. */
export function DashboardHouseholdsPage() {
  return <RequirePermission anyOf={['registry:read']}>{null}</RequirePermission>;
}
