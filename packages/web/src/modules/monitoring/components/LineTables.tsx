import type { HTMLAttributes } from 'react';
import { Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { formatYuan } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../ui';
import { lineMethodLabel } from '../monitoringLabels';
import type { EffectiveLine, MonitoringLineRow } from '../types';

/** "维西傈僳族自治县（533423）", or the bare code while the name is unknown. */
export function regionText(code: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(code);
  return name ? `${name}（${code}）` : code;
}

interface EffectiveLinesTableProps {
  effective: EffectiveLine[];
  scopeCode: string;
  names: ReadonlyMap<string, string>;
}

/** The line in force for the user's own region per year, and the region it comes from. */
export function EffectiveLinesTable({ effective, scopeCode, names }: EffectiveLinesTableProps) {
  const { t } = useI18n();
  const rows = [...effective].sort((a, b) => b.year - a.year);
  const columns: TableColumnsType<EffectiveLine> = [
    { title: t('lines.column.year'), dataIndex: 'year', key: 'year' },
    {
      title: t('lines.column.amount'),
      key: 'amount',
      align: 'right',
      render: (_, e) => (e.line ? <Typography.Text strong>{formatYuan(e.line.amountFen)}</Typography.Text> : t('lines.notSet')),
    },
    {
      title: t('lines.column.source'),
      key: 'source',
      render: (_, e) =>
        e.line ? (
          <>
            {regionText(e.line.regionCode, names)}{' '}
            {e.line.regionCode === scopeCode ? <Tag color="blue">{t('lines.own')}</Tag> : <Tag>{t('lines.inherited')}</Tag>}
          </>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Table<EffectiveLine>
      rowKey="year"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      data-testid="lines-effective"
      onRow={(e) => ({ 'data-testid': `lines-effective-${e.year}`, 'data-amount-fen': e.line?.amountFen ?? '' }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('lines.empty') }}
    />
  );
}

/** Every stored line of the user's region, the regions above it and those below it. */
export function LinesTable({ lines, names }: { lines: MonitoringLineRow[]; names: ReadonlyMap<string, string> }) {
  const { t, language } = useI18n();
  const rows = [...lines].sort((a, b) => b.year - a.year || a.regionCode.length - b.regionCode.length || a.regionCode.localeCompare(b.regionCode));
  const columns: TableColumnsType<MonitoringLineRow> = [
    { title: t('lines.column.region'), key: 'region', render: (_, l) => regionText(l.regionCode, names) },
    { title: t('lines.column.year'), dataIndex: 'year', key: 'year' },
    { title: t('lines.column.amount'), key: 'amount', align: 'right', render: (_, l) => formatYuan(l.amountFen) },
    {
      title: t('lines.column.method'),
      key: 'method',
      render: (_, l) => {
        const explanation = typeof l.inputs?.explanation === 'string' ? l.inputs.explanation : null;
        const label = lineMethodLabel(l.method, language);
        return explanation ? (
          <Tooltip title={explanation}>
            <Typography.Text underline style={{ textDecorationStyle: 'dotted' }}>
              {label}
            </Typography.Text>
          </Tooltip>
        ) : (
          label
        );
      },
    },
    { title: t('lines.column.note'), key: 'note', render: (_, l) => <div style={{ maxWidth: 360 }}>{l.note || '—'}</div> },
    { title: t('lines.column.setAt'), key: 'setAt', render: (_, l) => formatDateTime(l.setAt) },
  ];
  return (
    <Table<MonitoringLineRow>
      rowKey={(l) => `${l.regionCode}:${l.year}`}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      data-testid="lines-table"
      onRow={(l) => ({ 'data-testid': `line-row-${l.regionCode}-${l.year}`, 'data-amount-fen': l.amountFen }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('lines.empty') }}
    />
  );
}
