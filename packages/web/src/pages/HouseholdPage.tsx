import { useParams } from 'react-router';
import { RequirePermission } from '../modules/auth';
import { HouseholdWarningsCard } from '../modules/monitoring';
import { HouseholdScreen } from '../modules/registry';

export function HouseholdPage() {
  const { id = '' } = useParams();
  return (
    <RequirePermission anyOf={['registry:read']}>
      <HouseholdScreen key={id} id={id} renderWarnings={(household) => <HouseholdWarningsCard householdId={household.id} />} />
    </RequirePermission>
  );
}
