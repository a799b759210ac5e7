import { useParams } from 'react-router';
import { RequirePermission } from '../modules/auth';
import { CaseScreen } from '../modules/cases';

export function CasePage() {
  const { id = '' } = useParams();
  return (
    <RequirePermission anyOf={['cases:work', 'registry:read']}>
      <CaseScreen key={id} id={id} />
    </RequirePermission>
  );
}
