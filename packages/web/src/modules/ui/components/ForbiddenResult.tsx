import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';

export function ForbiddenResult() {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.description')}
      data-testid="forbidden"
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
