import { RequirePermission } from '../modules/auth';
import { DeclarationsScreen } from '../modules/declarations';

export function DeclarationsPage() {
  return (
    <RequirePermission anyOf={['cases:work']}>
      <DeclarationsScreen />
    </RequirePermission>
  );
}
