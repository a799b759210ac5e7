import { Card, Timeline, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../ui';
import { caseLabel } from '../caseLabels';
import { summariseEvent } from '../eventSummary';
import type { CaseDetail, CaseEventView } from '../types';

const RED_DECISIONS = new Set(['return', 'reject']);

function colorOf(event: CaseEventView): string {
  if (event.type === 'elimination_rolled_back') return 'red';
  if (typeof event.data?.decision === 'string' && RED_DECISIONS.has(event.data.decision)) return 'red';
  if (event.type === 'home_checked' && event.data?.finding === 'not_include') return 'red';
  if (event.type === 'county_approved' || event.type === 'elimination_county_approved') return 'green';
  // An explicit blue: the theme's primary colour is red, which would read as a refusal.
  return '#1677ff';
}

/** 办理记录: every step in order, who took it and when, and what it recorded, in words. */
export function CaseEventsCard({ detail }: { detail: CaseDetail }) {
  const { t, language } = useI18n();
  return (
    <Card title={t('case.events.title')} data-testid="case-events" data-count={detail.events.length}>
      {detail.events.length === 0 ? (
        <Typography.Text type="secondary">{t('case.events.empty')}</Typography.Text>
      ) : (
        <Timeline
          items={detail.events.map((event) => {
            const parts = summariseEvent(event, { t, language, measures: detail.measures });
            return {
              key: event.seq,
              color: colorOf(event),
              content: (
                <div data-testid={`case-event-${event.seq}`} data-type={event.type}>
                  <Typography.Text strong>{language === 'en' ? caseLabel('event', event.type, language) : event.label || caseLabel('event', event.type, language)}</Typography.Text>
                  <div style={{ fontSize: 12, color: '#8c8c8c' }}>{t('case.events.actor', { actor: event.actorName, time: formatDateTime(event.at) })}</div>
                  {parts.length ? (
                    <ul className="case-event-summary">
                      {parts.map((part, i) => (
                        <li key={i}>{part}</li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
