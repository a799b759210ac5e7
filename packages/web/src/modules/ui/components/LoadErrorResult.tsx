import { Button, Result } from 'antd';
import { useI18n } from '../../i18n';

export function LoadErrorResult({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={message}
      data-testid="load-error"
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : null}
    />
  );
}
