import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import type { CaseStatus } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { caseLabel } from '../caseLabels';
import type { StatusCount } from '../caseList';

interface CaseCountCardsProps {
  statuses: StatusCount[];
  overdue: number;
  dueSoon: number;
  selected?: CaseStatus;
  /** Clicking a state filters the list by it; clicking the selected one clears the filter. */
  onSelect: (status: CaseStatus | undefined) => void;
  /** The overdue card opens the 逾期 tab. */
  onOverdue: () => void;
}

/** Cases per state in the current region, with the overdue (red) and due-soon (orange) totals first. */
export function CaseCountCards({ statuses, overdue, dueSoon, selected, onSelect, onOverdue }: CaseCountCardsProps) {
  const { t, language } = useI18n();
  return (
    <Row gutter={[12, 12]} data-testid="case-counts" className="no-print">
      <Col xs={12} md={6} xl={4} xxl={3}>
        <Card size="small" hoverable onClick={onOverdue} className="case-count-card case-count-overdue" data-testid="case-count-overdue" data-count={overdue}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('cases.count.overdue')}</Typography.Text>
          <Statistic value={overdue} styles={{ content: { fontSize: 20, color: overdue > 0 ? '#cf1322' : undefined } }} />
        </Card>
      </Col>
      <Col xs={12} md={6} xl={4} xxl={3}>
        <Card size="small" className="case-count-card case-count-due-soon" data-testid="case-count-due-soon" data-count={dueSoon}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('cases.count.dueSoon')}</Typography.Text>
          <Statistic value={dueSoon} styles={{ content: { fontSize: 20, color: dueSoon > 0 ? '#d46b08' : undefined } }} />
        </Card>
      </Col>
      {statuses.map((c) => (
        <Col key={c.status} xs={12} md={6} xl={4} xxl={3}>
          <Tooltip title={t('cases.count.filterHint')}>
            <Card
              size="small"
              hoverable
              className={selected === c.status ? 'case-count-card case-count-card-selected' : 'case-count-card'}
              onClick={() => onSelect(selected === c.status ? undefined : c.status)}
              data-testid={`case-count-${c.status}`}
              data-count={c.count}
            >
              <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                {caseLabel('status', c.status, language)}
              </Typography.Text>
              <Statistic value={c.count} styles={{ content: { fontSize: 20 } }} />
            </Card>
          </Tooltip>
        </Col>
      ))}
    </Row>
  );
}
