import { RequirePermission } from '../modules/auth';
import { ImportScreen } from '../modules/imports';

export function ImportPage() {
  return (
    <RequirePermission anyOf={['registry:write']}>
      <ImportScreen />
    </RequirePermission>
  );
}
