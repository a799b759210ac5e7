import { Tag, Typography } from 'antd';
import { formatYuan } from '@zengshou/core';
import { useI18n } from '../../i18n';
import type { LatestIncome } from '../types';

/** Latest per-capita net income (scaled to a year) with the period it comes from, or 待核实 when it does not count. */
export function LatestIncomeCell({ income }: { income: LatestIncome | null }) {
  const { t } = useI18n();
  if (!income) return <Typography.Text type="secondary">{t('household.income.none')}</Typography.Text>;
  const period =
    income.quarter >= 4
      ? t('household.income.periodYear', { year: income.year })
      : t('household.income.periodAnnualised', { year: income.year, quarter: income.quarter });
  return (
    <div>
      {income.perCapitaAnnualFen === null ? (
        <Tag color="orange" data-testid="income-to-verify">
          {t('income.status.toVerify')}
        </Tag>
      ) : (
        <Typography.Text strong>{formatYuan(income.perCapitaAnnualFen)}</Typography.Text>
      )}
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {period}
        </Typography.Text>
      </div>
    </div>
  );
}
