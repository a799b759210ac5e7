import { useState } from 'react';
import { Button, Card, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { formatDateTime, LoadErrorResult } from '../../ui';
import { useHouseholdTimeline } from '../hooks/useCases';
import { casePath } from '../paths';
import type { HouseholdTimelineItem, TimelineKind } from '../types';

// Case steps in an explicit blue: the theme's primary colour is red, which would read as a warning.
const COLOR: Record<TimelineKind, string> = { warning_opened: 'red', warning_closed: 'gray', case_event: '#1677ff', income_recorded: 'green' };
// The newest few; the rest on request, inside a scrolling box so members and income stay near the top.
const FIRST = 8;

function TimelineEntry({ item }: { item: HouseholdTimelineItem }) {
  const { t } = useI18n();
  const known = item.kind in COLOR;
  return (
    <div data-testid="timeline-item" data-kind={item.kind}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(item.at)}
      </Typography.Text>
      <Tag style={{ marginInlineStart: 8 }}>{known ? t(`timeline.kind.${item.kind}`) : item.kind}</Tag>
      <div>
        <Typography.Text strong>{item.title}</Typography.Text>
        {item.caseId ? (
          <Link to={casePath(item.caseId)} style={{ marginInlineStart: 8, fontSize: 13 }} data-testid="timeline-case-link">
            {t('timeline.openCase')}
          </Link>
        ) : null}
      </div>
      {item.detail ? <div style={{ fontSize: 13, color: '#595959' }}>{item.detail}</div> : null}
    </div>
  );
}

/** 农户时间线: warnings, case steps and income records of one household, newest first. */
export function HouseholdTimelineCard({ householdId }: { householdId: string }) {
  const { t } = useI18n();
  const timeline = useHouseholdTimeline(householdId);
  const [all, setAll] = useState(false);
  const items = timeline.data?.items ?? [];
  const shown = all ? items : items.slice(0, FIRST);

  let body;
  if (timeline.error && !timeline.data) {
    body = <LoadErrorResult message={timeline.error.message} onRetry={() => void timeline.refetch()} />;
  } else if (items.length === 0) {
    body = <Typography.Text type="secondary">{t('timeline.empty')}</Typography.Text>;
  } else {
    body = (
      <>
        <div style={{ paddingTop: 8, ...(all ? { maxHeight: 480, overflowY: 'auto' as const } : {}) }}>
          <Timeline
            items={shown.map((item, i) => ({ key: `${item.at}-${i}`, color: COLOR[item.kind] ?? 'gray', content: <TimelineEntry item={item} /> }))}
          />
        </div>
        {!all && items.length > FIRST ? (
          <Button type="link" onClick={() => setAll(true)} data-testid="household-timeline-more">
            {t('timeline.more', { count: items.length })}
          </Button>
        ) : null}
      </>
    );
  }

  return (
    <Card title={t('timeline.title')} loading={timeline.isPending} data-testid="household-timeline" data-count={items.length}>
      {body}
    </Card>
  );
}
