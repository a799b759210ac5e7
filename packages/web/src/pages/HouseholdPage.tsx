import { useParams } from 'react-router';
import { RequirePermission } from '../modules/auth';
import { HouseholdLeadButton, HouseholdTimelineCard } from '../modules/cases';
import { HouseholdWarningsCard } from '../modules/monitoring';
import { HouseholdScreen } from '../modules/registry';

export function HouseholdPage() {
  const { id = '' } = useParams();
  return (
    <RequirePermission anyOf={['registry:read']}>
      <HouseholdScreen
        key={id}
        id={id}
        renderWarnings={(household) => <HouseholdWarningsCard householdId={household.id} />}
        renderActions={(household) => <HouseholdLeadButton householdId={household.id} />}
        renderTimeline={(household) => <HouseholdTimelineCard householdId={household.id} />}
      />
    </RequirePermission>
  );
}
