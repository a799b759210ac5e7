import { RequirePermission } from '../modules/auth';
import { CaseNoticeScreen } from '../modules/cases';

export function CaseNoticePage() {
  return (
    <RequirePermission anyOf={['cases:work']}>
      <CaseNoticeScreen />
    </RequirePermission>
  );
}
