import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';

export function NotFoundResult() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.description')}
      data-testid="not-found"
      extra={
        <Link to="/">
          <Button type="primary" data-testid="not-found-home">
            {t('common.backHome')}
          </Button>
        </Link>
      }
    />
  );
}
