import type { HTMLAttributes } from 'react';
import { Button, Card, Table, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../ui';
import { useImportJobs } from '../hooks/useImportJobs';
import type { ImportJob } from '../types';
import { ImportStatusTag } from './ImportStatusTag';

/** Recent imports in the user's region (newest first); 查看 shows one in the progress card. */
export function ImportJobsTable({ selectedId, onSelect }: { selectedId: string | null; onSelect: (id: string) => void }) {
  const { t } = useI18n();
  const jobs = useImportJobs();

  return (
    <Card
      title={t('import.jobs.title')}
      extra={
        <Button icon={<ReloadOutlined />} size="small" onClick={() => void jobs.refetch()} data-testid="import-jobs-refresh">
          {t('import.jobs.refresh')}
        </Button>
      }
    >
      <Table<ImportJob>
        rowKey="id"
        size="small"
        loading={jobs.isFetching}
        dataSource={jobs.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        data-testid="import-jobs"
        rowClassName={(job) => (job.id === selectedId ? 'ant-table-row-selected' : '')}
        onRow={(job) => ({ 'data-testid': `import-job-${job.id}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('import.jobs.empty') }}
        columns={[
          { title: t('import.jobs.time'), key: 'time', render: (_, j) => formatDateTime(j.createdAt) },
          { title: t('import.jobs.file'), dataIndex: 'fileName', key: 'file' },
          {
            title: t('import.jobs.mode'),
            key: 'mode',
            render: (_, j) => (j.mode === 'valid-rows' ? t('import.mode.validRowsShort') : t('import.mode.allOrNothingShort')),
          },
          { title: t('import.jobs.status'), key: 'status', render: (_, j) => <ImportStatusTag status={j.status} dryRun={j.dryRun} /> },
          { title: t('import.jobs.rows'), key: 'rows', align: 'right', render: (_, j) => j.rowsDone },
          { title: t('import.jobs.bad'), key: 'bad', align: 'right', render: (_, j) => j.rowsBad },
          {
            title: t('import.jobs.message'),
            key: 'message',
            render: (_, j) => (
              <Typography.Text type="secondary" ellipsis={{ tooltip: j.message }} style={{ maxWidth: 320 }}>
                {j.message ?? '—'}
              </Typography.Text>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, j) => (
              <Button type="link" size="small" onClick={() => onSelect(j.id)} data-testid={`import-job-view-${j.id}`}>
                {t('import.jobs.view')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
