import { Table } from 'antd';
import { useI18n } from '../../i18n';
import { summaryLines, type SummaryLine } from '../exchangeView';
import type { ExchangeSummary } from '../types';

export function ExchangeSummaryTable({ summary }: { summary: ExchangeSummary }) {
  const { t } = useI18n();
  return (
    <Table<SummaryLine>
      rowKey="labelKey"
      size="small"
      pagination={false}
      dataSource={summaryLines(summary)}
      data-testid="exchange-summary"
      columns={[
        { title: t('exchange.summary.entity'), key: 'entity', render: (_, l) => t(l.labelKey) },
        { title: t('exchange.summary.added'), dataIndex: 'added', key: 'added', align: 'right' },
        { title: t('exchange.summary.changed'), key: 'changed', align: 'right', render: (_, l) => (l.changed === null ? '—' : l.changed) },
        { title: t('exchange.summary.unchanged'), dataIndex: 'unchanged', key: 'unchanged', align: 'right' },
      ]}
    />
  );
}
