import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import { PLAN_STATUS_FILTERS, type PlanStatusFilter } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { countOf } from '../focusList';
import { planStatusLabel } from '../focusLabels';

interface PlanStatusCardsProps {
  counts: Partial<Record<PlanStatusFilter, number | string>> | undefined;
  selected?: PlanStatusFilter;
  /** A click filters the list by that status; a click on the selected card clears the filter. */
  onSelect: (status: PlanStatusFilter | undefined) => void;
}

/** Households of the current ledger per plan status: 未制定, 帮扶中, 已销号, 已重新纳入. */
export function PlanStatusCards({ counts, selected, onSelect }: PlanStatusCardsProps) {
  const { t, language } = useI18n();
  return (
    <Row gutter={[12, 12]} data-testid="focus-counts" className="no-print">
      {PLAN_STATUS_FILTERS.map((status) => {
        const count = countOf(counts?.[status]);
        return (
          <Col key={status} xs={12} md={6}>
            <Tooltip title={t('focus.count.filterHint')}>
              <Card
                size="small"
                hoverable
                className={selected === status ? 'warning-count-card warning-count-card-selected' : 'warning-count-card'}
                onClick={() => onSelect(selected === status ? undefined : status)}
                data-testid={`focus-count-${status}`}
                data-count={count}
                data-selected={selected === status}
              >
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {planStatusLabel(status === 'none' ? null : status, language)}
                </Typography.Text>
                <Statistic value={count} suffix={<span style={{ fontSize: 12 }}>{t('focus.count.households')}</span>} styles={{ content: { fontSize: 20 } }} />
              </Card>
            </Tooltip>
          </Col>
        );
      })}
    </Row>
  );
}
