import { FullPageSpin, LoadErrorResult } from '../../ui';
import { useCaseSettings } from '../hooks/useCaseSettings';
import { CaseSettingsForm } from './CaseSettingsForm';

export function CaseSettingsTab() {
  const cases = useCaseSettings();
  if (cases.isPending) return <FullPageSpin />;
  if (cases.error) return <LoadErrorResult message={cases.error.message} onRetry={() => void cases.refetch()} />;
  return <CaseSettingsForm current={cases.data} onReload={async () => (await cases.refetch()).data} />;
}
