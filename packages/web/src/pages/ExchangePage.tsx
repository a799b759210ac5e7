import { RequirePermission } from '../modules/auth';
import { ExchangeScreen } from '../modules/exchange';

export function ExchangePage() {
  return (
    <RequirePermission anyOf={['registry:export', 'registry:write']}>
      <ExchangeScreen />
    </RequirePermission>
  );
}
