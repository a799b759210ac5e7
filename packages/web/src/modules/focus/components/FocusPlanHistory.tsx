import { Empty, Tabs, Tag, Timeline, Typography } from 'antd';
import { formatYuan } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../ui';
import { measureCategoryLabel, planStatusLabel } from '../focusLabels';
import type { PlanDetail } from '../types';

/** 进展情况, 修订记录 and 销号记录: every note, every revision and every status change, newest first. */
export function FocusPlanHistory({ detail }: { detail: PlanDetail }) {
  const { t, language } = useI18n();
  const progress = (detail.plan?.progress ?? []).toReversed();
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('focus.history.empty')} />;
  return (
    <Tabs
      size="small"
      items={[
        {
          key: 'progress',
          label: t('focus.history.progress'),
          children: (
            <div data-testid="focus-plan-progress-list" data-count={progress.length}>
              {progress.length === 0
                ? empty
                : (
                    <Timeline
                      items={progress.map((p) => ({
                        key: `${p.version}`,
                        content: (
                          <div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {t('focus.history.by', { by: p.by ?? '—', at: formatDateTime(p.at) })}
                            </Typography.Text>
                            <div>{p.note}</div>
                          </div>
                        ),
                      }))}
                    />
                  )}
            </div>
          ),
        },
        {
          key: 'revisions',
          label: t('focus.history.revisions'),
          children: (
            <div data-testid="focus-plan-revisions" data-count={detail.revisions.length}>
              {detail.revisions.length === 0
                ? empty
                : (
                    <Timeline
                      items={detail.revisions.map((r) => ({
                        key: `${r.version}`,
                        color: r.current ? 'blue' : 'gray',
                        content: (
                          <div data-testid={`focus-plan-revision-${r.version}`}>
                            <Typography.Text strong>{t('focus.history.revision', { version: r.version })}</Typography.Text>
                            {r.current ? <Tag color="blue" style={{ marginInlineStart: 6 }}>{t('focus.history.current')}</Tag> : null}
                            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                              {t('focus.history.by', { by: r.recordedBy ?? '—', at: formatDateTime(r.recordedAt) })}
                            </Typography.Text>
                            <div style={{ fontSize: 13 }}>
                              {t('focus.history.summary', { cadre: r.cadreName, year: r.targetYear, target: formatYuan(r.targetPerCapitaFen) })}
                            </div>
                            <div style={{ fontSize: 13, color: '#595959' }}>
                              {r.measures.map((m) => `${m.category ? `【${measureCategoryLabel(m.category, language)}】` : ''}${m.text}`).join('；')}
                            </div>
                          </div>
                        ),
                      }))}
                    />
                  )}
            </div>
          ),
        },
        {
          key: 'status',
          label: t('focus.history.statusEvents'),
          children: (
            <div data-testid="focus-plan-status-events" data-count={detail.statusEvents.length}>
              {detail.statusEvents.length === 0
                ? empty
                : (
                    <Timeline
                      items={detail.statusEvents.map((e) => ({
                        key: `${e.id}`,
                        color: e.to === 'closed_out' ? 'green' : e.to === 'reopened' ? 'orange' : 'blue',
                        content: (
                          <div data-testid={`focus-plan-status-event-${e.id}`} data-to={e.to}>
                            <Typography.Text strong>
                              {e.from ? `${planStatusLabel(e.from, language)} → ` : ''}
                              {planStatusLabel(e.to, language)}
                            </Typography.Text>
                            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                              {t('focus.history.by', { by: e.by, at: formatDateTime(e.at) })}
                            </Typography.Text>
                            <div style={{ fontSize: 13 }}>
                              {e.reason}
                              {e.perCapitaAnnualFen !== null
                                ? t('focus.history.statusIncome', { income: formatYuan(e.perCapitaAnnualFen), target: formatYuan(e.targetPerCapitaFen) })
                                : ''}
                            </div>
                          </div>
                        ),
                      }))}
                    />
                  )}
            </div>
          ),
        },
      ]}
    />
  );
}
