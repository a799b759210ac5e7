import { RequirePermission } from '../modules/auth';
import { WarningLeadButton } from '../modules/cases';
import { WarningsScreen } from '../modules/monitoring';

export function WarningsPage() {
  return (
    <RequirePermission anyOf={['registry:read']}>
      <WarningsScreen
        renderWarningAction={(warning) =>
          warning.caseId || warning.status === 'open' ? (
            <WarningLeadButton warningId={warning.id} householdId={warning.householdId} caseId={warning.caseId} />
          ) : null
        }
      />
    </RequirePermission>
  );
}
