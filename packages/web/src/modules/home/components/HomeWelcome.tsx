import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { useCurrentUser, useRoleLabel } from '../../auth';
import { useI18n } from '../../i18n';
import { useCurrentRegion } from '../../regions';
import { HealthStatus } from './HealthStatus';

export function HomeWelcome() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const roleLabel = useRoleLabel();
  const { region } = useCurrentRegion();
  if (!user) return null;

  return (
    <Row gutter={[16, 16]} data-testid="home-welcome">
      <Col xs={24} lg={16}>
        <Card title={t('home.welcome', { name: user.displayName })}>
          <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('home.username')}>{user.username}</Descriptions.Item>
            <Descriptions.Item label={t('home.roles')}>
              <span data-testid="home-roles">
                {user.roles.map((role) => (
                  <Tag key={role} color="red">
                    {roleLabel(role)}
                  </Tag>
                ))}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('home.scope')}>
              <span data-testid="home-scope">{user.regionName}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('home.currentRegion')}>
              <span data-testid="home-current-region">{region.trail.join(' ')}</span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t('health.title')}>
          <HealthStatus />
        </Card>
      </Col>
    </Row>
  );
}
