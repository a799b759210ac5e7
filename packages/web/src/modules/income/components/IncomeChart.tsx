import { useMemo } from 'react';
import { Empty, Typography } from 'antd';
import { EChart } from '../../ui';
import { useIncomeText } from '../hooks/useIncomeText';
import { buildIncomeChartOption, chartRecords, type IncomeChartLabels } from '../incomeChartOption';
import type { IncomeRecord } from '../types';

/** Four wheels per year (latest quarter of each year, year-to-date) with per-capita net income as a line. */
export function IncomeChart({ records }: { records: readonly IncomeRecord[] }) {
  const { t, part } = useIncomeText();
  const periods = chartRecords(records).length;

  const option = useMemo(() => {
    const labels: IncomeChartLabels = {
      parts: { wage: part('wage'), business: t('income.chart.businessNet'), property: part('property'), transfer: part('transfer') },
      perCapita: t('income.perCapitaNet'),
      householdAxis: t('income.chart.householdAxis'),
      perCapitaAxis: t('income.chart.perCapitaAxis'),
      period: (year, quarter) =>
        quarter >= 4 ? t('income.chart.periodYear', { year }) : t('income.chart.periodToDate', { year, month: quarter * 3 }),
      toVerify: t('income.status.toVerify'),
      unit: t('income.yuan'),
    };
    return buildIncomeChartOption(records, labels);
  }, [records, t, part]);

  return (
    <div data-testid="income-chart" data-periods={periods}>
      {periods === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('income.empty')} />
      ) : (
        <>
          <EChart option={option} height={320} ariaLabel={t('income.chart.aria')} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
            {t('income.chart.note')}
          </Typography.Paragraph>
        </>
      )}
    </div>
  );
}
