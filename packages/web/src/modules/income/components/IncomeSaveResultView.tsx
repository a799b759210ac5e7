import { Alert, Descriptions, Typography } from 'antd';
import { formatYuan } from '@zengshou/core';
import { useIncomeText } from '../hooks/useIncomeText';
import type { IncomeSaveResult } from '../types';
import { IncomeChecksList } from './IncomeChecksList';
import { IncomeStatusTag } from './IncomeStatusTag';

interface IncomeSaveResultViewProps {
  result: IncomeSaveResult;
  year: number;
  quarter: number;
}

/** What the server computed for the record just saved, and what its logic checks found. */
export function IncomeSaveResultView({ result, year, quarter }: IncomeSaveResultViewProps) {
  const { t, part, period, coverage } = useIncomeText();
  const { summary } = result;
  const toVerify = result.status === 'to_verify';

  return (
    <div data-testid="income-result" data-status={result.status}>
      <Alert
        type={toVerify ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        title={toVerify ? t('income.result.toVerifyTitle') : t('income.result.validTitle')}
        description={toVerify ? t('income.result.toVerifyHint') : undefined}
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'period', label: t('income.column.period'), children: `${period(year, quarter)}（${coverage(quarter)}）`, span: 2 },
          { key: 'wage', label: part('wage'), children: formatYuan(summary.wage) },
          { key: 'business', label: part('business'), children: formatYuan(summary.business) },
          { key: 'property', label: part('property'), children: formatYuan(summary.property) },
          { key: 'transfer', label: part('transfer'), children: formatYuan(summary.transfer) },
          { key: 'cost', label: part('cost'), children: formatYuan(summary.cost) },
          { key: 'net', label: t('income.netIncome'), children: formatYuan(summary.net) },
          { key: 'size', label: t('income.householdSize'), children: summary.householdSize },
          {
            key: 'perCapita',
            label: t('income.perCapitaNet'),
            children: (
              <Typography.Text strong data-testid="income-result-per-capita">
                {formatYuan(summary.perCapitaNet)}
              </Typography.Text>
            ),
          },
          {
            key: 'status',
            label: t('income.column.status'),
            children: <IncomeStatusTag status={result.status} testId="income-result-status" />,
            span: 2,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('income.column.checks')}
      </Typography.Title>
      <IncomeChecksList checks={result.checks} testId="income-result-checks" />
    </div>
  );
}
