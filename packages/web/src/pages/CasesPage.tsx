import { RequirePermission } from '../modules/auth';
import { CasesScreen } from '../modules/cases';

export function CasesPage() {
  return (
    <RequirePermission anyOf={['cases:work', 'registry:read']}>
      <CasesScreen />
    </RequirePermission>
  );
}
