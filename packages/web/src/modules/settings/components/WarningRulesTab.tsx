import { FullPageSpin, LoadErrorResult } from '../../ui';
import { useWarningSettings } from '../hooks/useWarningSettings';
import { WarningRulesForm } from './WarningRulesForm';

export function WarningRulesTab() {
  const warnings = useWarningSettings();
  if (warnings.isPending) return <FullPageSpin />;
  if (warnings.error) return <LoadErrorResult message={warnings.error.message} onRetry={() => void warnings.refetch()} />;
  return <WarningRulesForm current={warnings.data} onReload={async () => (await warnings.refetch()).data} />;
}
