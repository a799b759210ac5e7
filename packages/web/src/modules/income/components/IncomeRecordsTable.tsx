import type { HTMLAttributes } from 'react';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { formatYuan } from '@zengshou/core';
import { formatDateTime } from '../../ui';
import { useIncomeText } from '../hooks/useIncomeText';
import type { IncomeRecord, IncomeTotals } from '../types';
import { IncomeChecksList } from './IncomeChecksList';
import { IncomeItemsDetail } from './IncomeItemsDetail';
import { IncomeStatusTag } from './IncomeStatusTag';

interface IncomeRecordsTableProps {
  records: IncomeRecord[];
  loading: boolean;
}

const money = (fen: number) => formatYuan(fen);

/** One row per quarter (newest first); expanding a row shows every sub-item and the remark. */
export function IncomeRecordsTable({ records, loading }: IncomeRecordsTableProps) {
  const { t, part, period, coverage } = useIncomeText();
  const sorted = [...records].sort(
    (a, b) => b.year - a.year || b.quarter - a.quarter || (a.supersededAt ? 1 : 0) - (b.supersededAt ? 1 : 0) || b.recordedAt.localeCompare(a.recordedAt),
  );

  const totalColumn = (key: keyof IncomeTotals) => ({
    title: part(key),
    key,
    align: 'right' as const,
    render: (_: unknown, r: IncomeRecord) => money(r.totals[key]),
  });

  const columns: TableColumnsType<IncomeRecord> = [
    {
      title: t('income.column.period'),
      key: 'period',
      fixed: 'left',
      render: (_, r) => (
        <>
          <div>{period(r.year, r.quarter)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {coverage(r.quarter)}
          </Typography.Text>
          {r.supersededAt ? (
            <div>
              <Tag>{t('income.superseded')}</Tag>
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: t('income.perCapitaNet'),
      key: 'perCapita',
      align: 'right',
      render: (_, r) => <Typography.Text strong>{money(r.perCapitaNet)}</Typography.Text>,
    },
    { title: t('income.column.status'), key: 'status', render: (_, r) => <IncomeStatusTag status={r.status} /> },
    {
      title: t('income.column.checks'),
      key: 'checks',
      render: (_, r) => (
        <div style={{ width: 320, whiteSpace: 'normal' }}>
          <IncomeChecksList checks={r.checks} compact />
        </div>
      ),
    },
    { title: t('income.netIncome'), key: 'net', align: 'right', render: (_, r) => money(r.netIncome) },
    { title: t('income.householdSize'), dataIndex: 'householdSize', key: 'size', align: 'right' },
    totalColumn('wage'),
    totalColumn('business'),
    totalColumn('property'),
    totalColumn('transfer'),
    totalColumn('cost'),
    {
      title: t('income.column.recorded'),
      key: 'recorded',
      render: (_, r) => (
        <>
          <div>{formatDateTime(r.recordedAt)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.source === 'import' ? t('income.source.import') : t('income.source.form')}
          </Typography.Text>
        </>
      ),
    },
  ];

  return (
    <Table<IncomeRecord>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={sorted}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="income-records-table"
      onRow={(r) =>
        ({
          'data-testid': r.supersededAt ? undefined : `income-record-${r.year}-${r.quarter}`,
          'data-status': r.status,
        }) as HTMLAttributes<HTMLElement>
      }
      expandable={{ expandedRowRender: (r) => <IncomeItemsDetail record={r} /> }}
      locale={{ emptyText: t('income.empty') }}
    />
  );
}
