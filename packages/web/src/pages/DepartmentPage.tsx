import { RequirePermission } from '../modules/auth';
import { DepartmentScreen } from '../modules/department';

export function DepartmentPage() {
  return (
    <RequirePermission anyOf={['department:upload']}>
      <DepartmentScreen />
    </RequirePermission>
  );
}
