import { Table, Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { ExchangeRowError } from '../types';

/** Every bad row of the file (up to 500) with its sheet, row, column and the reason in Chinese. */
export function ExchangeErrorsTable({ errors, rowsBad }: { errors: ExchangeRowError[]; rowsBad: number }) {
  const { t } = useI18n();
  return (
    <div data-testid="exchange-errors" data-count={errors.length}>
      {rowsBad > errors.length ? <Typography.Paragraph type="secondary">{t('exchange.errors.truncated', { shown: errors.length, total: rowsBad })}</Typography.Paragraph> : null}
      <Table<ExchangeRowError>
        rowKey={(e) => `${e.sheet}-${e.rowNo}-${e.column}-${e.reason}`}
        size="small"
        dataSource={errors}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('exchange.errors.sheet'), dataIndex: 'sheet', key: 'sheet', width: 100 },
          { title: t('exchange.errors.row'), dataIndex: 'rowNo', key: 'row', width: 70, align: 'right' },
          { title: t('exchange.errors.column'), dataIndex: 'column', key: 'column', width: 150 },
          {
            title: t('exchange.errors.value'), key: 'value', width: 180,
            render: (_, e) => (e.value === null || e.value === '' ? <Typography.Text type="secondary">{t('exchange.errors.blank')}</Typography.Text> : e.value),
          },
          { title: t('exchange.errors.reason'), dataIndex: 'reason', key: 'reason' },
        ]}
      />
    </div>
  );
}
