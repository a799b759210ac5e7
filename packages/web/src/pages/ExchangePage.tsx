import { RequirePermission } from '../modules/auth';

/** Filled in by the exchange module. */
export function ExchangePage() {
  return <RequirePermission anyOf={['registry:read']}>{null}</RequirePermission>;
}
