import { RequirePermission } from '../modules/auth';

/** Filled in by the reports module. */
export function ReportPrintPage() {
  return <RequirePermission anyOf={['registry:read']}>{null}</RequirePermission>;
}
