import { Descriptions, Tag, Typography } from 'antd';
import { formatYuan } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { focusGroupLabel, partLabel } from '../focusLabels';
import type { PlanDetail } from '../types';
import { PlanStatusTag } from './PlanStatusTag';

/** Where the household stands: latest income against last year, its groups, and the plan's status against its target. */
export function PlanSummary({ detail }: { detail: PlanDetail }) {
  const { t, language } = useI18n();
  const { latest, previousPerCapitaAnnualFen, changeFen } = detail.income;
  const plan = detail.plan;
  const check = plan?.check;

  let checkText: string;
  if (!plan || !check) checkText = t('focus.plan.none');
  else if (check.met === null) checkText = t('focus.plan.check.unknown');
  else if (check.met) checkText = t('focus.plan.check.met');
  else if ((check.gapFen ?? 0) > 0) checkText = t('focus.plan.check.short', { amount: formatYuan(check.gapFen ?? 0) });
  else checkText = '';
  const partsText = check && check.unmetParts.length > 0 ? t('focus.plan.check.parts', { parts: check.unmetParts.map((p) => partLabel(p, language)).join('、') }) : '';

  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      data-testid="focus-plan-summary"
      items={[
        {
          key: 'household',
          label: t('focus.column.head'),
          children: (
            <span data-testid="focus-plan-household">
              {detail.household.headName ?? '—'}（{detail.household.townshipName} {detail.household.villageName}）
            </span>
          ),
        },
        {
          key: 'income',
          label: t('focus.plan.income'),
          children: latest ? (
            <span data-testid="focus-plan-income" data-fen={latest.perCapitaAnnualFen}>
              {formatYuan(latest.perCapitaAnnualFen)}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                {latest.quarter >= 4 ? t('focus.period.year', { year: latest.year }) : t('focus.period.annualised', { year: latest.year, quarter: latest.quarter })}
              </Typography.Text>
            </span>
          ) : (
            <span data-testid="focus-plan-income">{t('focus.income.none')}</span>
          ),
        },
        {
          key: 'previous',
          label: t('focus.column.previous'),
          children: previousPerCapitaAnnualFen === null ? '—' : formatYuan(previousPerCapitaAnnualFen),
        },
        {
          key: 'change',
          label: t('focus.column.change'),
          children: changeFen === null ? '—' : <Typography.Text type={changeFen < 0 ? 'danger' : undefined}>{formatYuan(changeFen)}</Typography.Text>,
        },
        {
          key: 'groups',
          label: t('focus.column.groups'),
          children: (
            <span data-testid="focus-plan-groups" data-groups={detail.groups.join(',')}>
              {detail.groups.length === 0
                ? t('focus.groups.none')
                : detail.groups.map((g) => (
                    <Tag key={g} color={g === 'low_income' ? 'volcano' : 'orange'}>
                      {focusGroupLabel(g, language)}
                    </Tag>
                  ))}
            </span>
          ),
        },
        {
          key: 'status',
          label: t('focus.column.status'),
          children: (
            <span data-testid="focus-plan-check" data-met={check?.met === null || check === undefined ? 'unknown' : String(check.met)}>
              <PlanStatusTag status={plan?.status} testId="focus-plan-drawer-status" />
              <span style={{ marginInlineStart: 8 }}>{checkText}</span>
              {partsText ? <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>{partsText}</Typography.Text> : null}
            </span>
          ),
        },
      ]}
    />
  );
}
