import { Table, Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { ImportRowError } from '../types';

/** The first bad rows (up to 200) with the reason in Chinese; the full list is the downloadable report. */
export function ImportErrorsTable({ errors, rowsBad }: { errors: ImportRowError[]; rowsBad: number }) {
  const { t } = useI18n();
  return (
    <div data-testid="import-errors" data-count={errors.length}>
      {rowsBad > errors.length ? (
        <Typography.Paragraph type="secondary">{t('import.errors.truncated', { shown: errors.length, total: rowsBad })}</Typography.Paragraph>
      ) : null}
      <Table<ImportRowError>
        rowKey={(e) => `${e.sheet}-${e.row_no}-${e.col}-${e.reason}`}
        size="small"
        dataSource={errors}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('import.errors.sheet'), dataIndex: 'sheet', key: 'sheet', width: 110 },
          { title: t('import.errors.row'), dataIndex: 'row_no', key: 'row', width: 80, align: 'right' },
          { title: t('import.errors.col'), dataIndex: 'col', key: 'col', width: 160 },
          {
            title: t('import.errors.value'),
            key: 'value',
            width: 200,
            render: (_, e) => (e.value === null || e.value === '' ? <Typography.Text type="secondary">{t('import.errors.blank')}</Typography.Text> : e.value),
          },
          { title: t('import.errors.reason'), dataIndex: 'reason', key: 'reason' },
        ]}
      />
    </div>
  );
}
