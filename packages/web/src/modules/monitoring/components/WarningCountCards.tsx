import { Card, Col, Row, Statistic, Tag, Tooltip, Typography } from 'antd';
import type { WarningRuleId } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { warningRuleTitle } from '../monitoringLabels';
import type { RuleCount } from '../warningList';

interface WarningCountCardsProps {
  counts: RuleCount[];
  selected?: WarningRuleId;
  /** Clicking a card filters the list by its rule; clicking the selected card clears the filter. */
  onSelect: (ruleId: WarningRuleId | undefined) => void;
}

/** 各类预警: open warnings per rule in the current region, with how many are overdue. */
export function WarningCountCards({ counts, selected, onSelect }: WarningCountCardsProps) {
  const { t, language } = useI18n();
  return (
    <Row gutter={[12, 12]} data-testid="warnings-counts" className="no-print">
      {counts.map((c) => (
        <Col key={c.ruleId} xs={12} md={8} xl={6} xxl={3}>
          <Tooltip title={t('warnings.count.filterHint')}>
            <Card
              size="small"
              hoverable
              className={selected === c.ruleId ? 'warning-count-card warning-count-card-selected' : 'warning-count-card'}
              onClick={() => onSelect(selected === c.ruleId ? undefined : c.ruleId)}
              data-testid={`warnings-count-${c.ruleId}`}
              data-open={c.open}
              data-overdue={c.overdue}
            >
              <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                {warningRuleTitle(c.ruleId, language)}
              </Typography.Text>
              <Statistic value={c.open} suffix={<span style={{ fontSize: 12 }}>{t('warnings.count.open')}</span>} styles={{ content: { fontSize: 20 } }} />
              <Tag color={c.overdue > 0 ? 'red' : undefined}>{t('warnings.count.overdue', { count: c.overdue })}</Tag>
            </Card>
          </Tooltip>
        </Col>
      ))}
    </Row>
  );
}
