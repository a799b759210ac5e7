import { useParams } from 'react-router';
import { RequirePermission } from '../modules/auth';
import { HouseholdScreen } from '../modules/registry';

export function HouseholdPage() {
  const { id = '' } = useParams();
  return (
    <RequirePermission anyOf={['registry:read']}>
      <HouseholdScreen key={id} id={id} />
    </RequirePermission>
  );
}
