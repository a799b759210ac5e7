import { FullPageSpin, LoadErrorResult } from '../../ui';
import { useLogicChecks } from '../hooks/useLogicChecks';
import { LogicChecksForm } from './LogicChecksForm';

export function LogicChecksTab() {
  const logicChecks = useLogicChecks();
  if (logicChecks.isPending) return <FullPageSpin />;
  if (logicChecks.error) return <LoadErrorResult message={logicChecks.error.message} onRetry={() => void logicChecks.refetch()} />;
  return <LogicChecksForm current={logicChecks.data} onReload={async () => (await logicChecks.refetch()).data} />;
}
