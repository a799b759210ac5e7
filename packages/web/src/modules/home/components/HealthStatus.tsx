import { Badge, Descriptions, Spin } from 'antd';
import { useI18n } from '../../i18n';
import { useHealth } from '../hooks/useHealth';

export function HealthStatus() {
  const { t } = useI18n();
  const health = useHealth();

  if (health.isPending) return <Spin size="small" />;
  if (health.error) {
    return (
      <span data-testid="health-status" data-status="error">
        <Badge status="error" text={`${t('health.unavailable')}：${health.error.message}`} />
      </span>
    );
  }
  const { data } = health;
  const database = data.database === 'pglite' ? t('health.database.pglite') : t('health.database.postgresql');
  return (
    <Descriptions size="small" column={1}>
      <Descriptions.Item label={t('health.status')}>
        <span data-testid="health-status" data-status={data.status}>
          <Badge status={data.status === 'ok' ? 'success' : 'warning'} text={data.status === 'ok' ? t('health.ok') : data.status} />
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('health.database')}>
        <span data-testid="health-database" data-database={data.database}>
          {database}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('health.version')}>
        <span data-testid="health-version">{data.version}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}
