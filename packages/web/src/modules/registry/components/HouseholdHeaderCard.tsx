import type { ReactNode } from 'react';
import { Card, Descriptions } from 'antd';
import { HOUSEHOLD_TYPE } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../ui';
import { useEnumLabel } from '../hooks/useEnumLabel';
import type { Household } from '../types';
import { CheckCountTags } from './CheckCountTags';
import { HouseholdFlagTags } from './HouseholdFlagTags';
import { HouseholdStatusTags } from './HouseholdStatusTags';
import { LatestIncomeCell } from './LatestIncomeCell';

/** The household's facts at a glance: place, type, category, assistance, flags, latest income and checks. */
export function HouseholdHeaderCard({ household: h, extra }: { household: Household; extra?: ReactNode }) {
  const { t } = useI18n();
  const { label } = useEnumLabel();
  const none = t('household.notSet');

  return (
    <Card variant="borderless" data-testid="household-header" extra={extra} title={t('household.section.facts')}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'no', label: t('household.field.householdNo'), children: <span data-testid="household-no">{h.householdNo}</span> },
          { key: 'head', label: t('household.field.head'), children: h.headName ?? none },
          { key: 'place', label: t('household.column.place'), children: `${h.townshipName} ${h.villageName}` },
          { key: 'address', label: t('household.field.address'), children: h.address || none },
          { key: 'type', label: t('household.field.householdType'), children: label(HOUSEHOLD_TYPE, h.householdType) },
          {
            key: 'status',
            label: t('household.section.status'),
            children: h.monitoringCategory || h.assistanceStatus !== 'none' ? <HouseholdStatusTags household={h} /> : t('household.notMonitored'),
          },
          { key: 'members', label: t('household.field.memberCount'), children: h.memberCount },
          { key: 'phone', label: t('household.field.phone'), children: <span className="mono">{h.phone ?? none}</span> },
          { key: 'relocated', label: t('household.field.relocated'), children: h.relocated ? t('common.yes') : t('common.no') },
          { key: 'income', label: t('household.column.latestIncome'), children: <LatestIncomeCell income={h.latestIncome} /> },
          {
            key: 'checks',
            label: t('household.column.checks'),
            children: <CheckCountTags errors={h.failingChecks.errors} warnings={h.failingChecks.warnings} />,
          },
          { key: 'updated', label: t('household.field.updatedAt'), children: formatDateTime(h.updatedAt) },
          {
            key: 'flags',
            label: t('household.column.flags'),
            span: 'filled',
            children: (
              <span data-testid="household-flags">
                <HouseholdFlagTags flags={h.problemFlags} showNone />
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}
