import { Card, Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { householdPath } from '../../registry';
import { formatDateTime } from '../../ui';
import { caseLabel, categoryLabel, parenthetical, riskTypesLabel } from '../caseLabels';
import type { CaseDetail } from '../types';
import { CaseDueTag } from './CaseDueTag';
import { CaseProposalCell } from './CaseProposalCell';
import { CaseStatusTag } from './CaseStatusTag';

/** The case at a glance: household, state, category and risks, source, deadline, notice and the warning behind it. */
export function CaseHeaderCard({ detail }: { detail: CaseDetail }) {
  const { t, language } = useI18n();
  const subtype = detail.state?.disasterSubtype ?? null;
  const items = [
    {
      key: 'household',
      label: t('case.field.household'),
      children: (
        <Link to={householdPath(detail.householdId)} data-testid="case-household-link">
          {detail.householdNo} {detail.headName ?? ''}
        </Link>
      ),
    },
    {
      key: 'village',
      label: t('case.field.village'),
      children: [detail.townshipName, detail.villageName ?? detail.villageCode].filter(Boolean).join(' '),
    },
    { key: 'status', label: t('case.field.status'), children: <CaseStatusTag status={detail.status} testId="case-status" /> },
    {
      key: 'source',
      label: t('case.field.source'),
      children: (
        <Space size={4} wrap>
          <span data-testid="case-source">{caseLabel('source', detail.source, language)}</span>
          {detail.disaster ? (
            <Tooltip title={t('cases.disasterHint')}>
              <Tag color="red">{t('cases.disaster')}</Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'category',
      label: t('case.field.category'),
      children: <span data-testid="case-category">{categoryLabel(detail.category, language) || '—'}</span>,
    },
    {
      key: 'risks',
      label: t('case.field.riskTypes'),
      children: (
        <span data-testid="case-risk-types">
          {riskTypesLabel(detail.riskTypes, language) || '—'}
          {parenthetical(caseLabel('disaster', subtype, language), language)}
        </span>
      ),
    },
    ...(detail.category === null && detail.proposal
      ? [{ key: 'proposal', label: t('case.field.proposal'), children: <CaseProposalCell item={{ ...detail, category: null }} /> }]
      : []),
    { key: 'due', label: t('case.field.due'), children: <CaseDueTag item={detail} /> },
    ...(detail.notice
      ? [
          {
            key: 'notice',
            label: t('case.field.notice'),
            children: (
              <span data-testid="case-notice">
                {t('cases.summary.pair', { field: t(`case.noticeKind.${detail.notice.kind}`), value: `${detail.notice.startDate} — ${detail.notice.endDate}` })}
              </span>
            ),
          },
        ]
      : []),
    { key: 'measures', label: t('case.field.measureCount'), children: t('case.measureCount', { count: detail.measureCount }) },
    { key: 'opened', label: t('case.field.openedAt'), children: formatDateTime(detail.openedAt) },
    ...(detail.warning
      ? [
          {
            key: 'warning',
            label: t('case.field.warning'),
            span: 3,
            children: (
              <span data-testid="case-warning">
                <Typography.Text strong>{detail.warning.title}</Typography.Text>
                <div style={{ fontSize: 13 }}>{detail.warning.explanation}</div>
              </span>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card data-testid="case-header" data-status={detail.status} data-version={detail.version}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />
    </Card>
  );
}
