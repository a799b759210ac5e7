import { Alert, Spin } from 'antd';
import { useI18n } from '../../i18n';
import type { EvaluationSummary } from '../types';

interface EvaluateResultProps {
  pending: boolean;
  result: EvaluationSummary | undefined;
  error: Error | null;
  onClose: () => void;
}

/** While 重新研判 runs: a spinner; then what changed (新增 x、更新 y、关闭 z) or the server's message. */
export function EvaluateResult({ pending, result, error, onClose }: EvaluateResultProps) {
  const { t } = useI18n();
  if (pending) {
    return <Alert type="info" showIcon icon={<Spin size="small" />} title={t('warnings.evaluating')} data-testid="warnings-evaluating" />;
  }
  if (error) {
    return (
      <Alert type="error" showIcon closable={{ onClose }} title={t('warnings.evaluateFailed', { message: error.message })} data-testid="warnings-evaluate-error" />
    );
  }
  if (!result) return null;
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      data-testid="warnings-evaluate-result"
      data-opened={result.opened}
      data-updated={result.updated}
      data-closed={result.closed}
      title={t('warnings.evaluateDone', {
        households: result.households,
        withWarnings: result.householdsWithWarnings,
        opened: result.opened,
        updated: result.updated,
        closed: result.closed,
      })}
    />
  );
}
