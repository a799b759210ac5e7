import { Col, Row, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { JsonView } from '../../ui';
import type { AuditEvent } from '../types';

export function AuditEventDetail({ event }: { event: AuditEvent }) {
  const { t } = useI18n();
  const empty = t('audit.detail.none');
  return (
    <Row gutter={16} data-testid={`audit-detail-${event.seq}`}>
      <Col xs={24} md={8}>
        <Typography.Text strong>{t('audit.detail.before')}</Typography.Text>
        <JsonView value={event.before} emptyText={empty} testId="audit-before" />
      </Col>
      <Col xs={24} md={8}>
        <Typography.Text strong>{t('audit.detail.after')}</Typography.Text>
        <JsonView value={event.after} emptyText={empty} testId="audit-after" />
      </Col>
      <Col xs={24} md={8}>
        <Typography.Text strong>{t('audit.detail.detail')}</Typography.Text>
        <JsonView value={event.detail} emptyText={empty} testId="audit-detail-json" />
      </Col>
    </Row>
  );
}
