import { RequirePermission } from '../modules/auth';
import { UsersScreen } from '../modules/users';

export function UsersPage() {
  return (
    <RequirePermission anyOf={['users:manage']}>
      <UsersScreen />
    </RequirePermission>
  );
}
