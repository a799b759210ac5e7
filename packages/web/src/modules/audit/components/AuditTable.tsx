import { Button, Table, type TableColumnsType } from 'antd';
import { MinusSquareOutlined, PlusSquareOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../ui';
import { useAuditActionLabel } from '../hooks/useAuditActionLabel';
import type { AuditEvent } from '../types';
import { AuditEventDetail } from './AuditEventDetail';
import { AuditOutcomeTag } from './AuditOutcomeTag';

interface AuditTableProps {
  rows: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

export function AuditTable({ rows, total, page, pageSize, loading, onPageChange }: AuditTableProps) {
  const { t } = useI18n();
  const actionLabel = useAuditActionLabel();
  const dash = '—';
  const columns: TableColumnsType<AuditEvent> = [
    { title: t('audit.column.seq'), dataIndex: 'seq', key: 'seq', width: 90 },
    { title: t('audit.column.time'), key: 'occurredAt', render: (_, e) => formatDateTime(e.occurredAt) },
    { title: t('audit.column.username'), key: 'username', render: (_, e) => e.username ?? dash },
    {
      title: t('audit.column.action'),
      key: 'action',
      render: (_, e) => <span title={e.action}>{actionLabel(e.action)}</span>,
    },
    { title: t('audit.column.outcome'), key: 'outcome', render: (_, e) => <AuditOutcomeTag outcome={e.outcome} /> },
    { title: t('audit.column.ip'), key: 'ip', render: (_, e) => e.ip ?? dash },
    { title: t('audit.column.region'), key: 'regionCode', render: (_, e) => e.regionCode ?? dash },
    {
      title: t('audit.column.entity'),
      key: 'entity',
      render: (_, e) => (e.entity ? [e.entity, e.entityId].filter(Boolean).join(' / ') : dash),
    },
  ];

  return (
    <Table<AuditEvent>
      rowKey="seq"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      data-testid="audit-table"
      scroll={{ x: 'max-content' }}
      expandable={{
        expandedRowRender: (event) => <AuditEventDetail event={event} />,
        expandIcon: ({ expanded, onExpand, record }) => (
          <Button
            type="text"
            size="small"
            icon={expanded ? <MinusSquareOutlined /> : <PlusSquareOutlined />}
            aria-label={expanded ? t('audit.collapseRow') : t('audit.expandRow')}
            aria-expanded={expanded}
            onClick={(event) => onExpand(record, event)}
            data-testid={`audit-expand-${record.seq}`}
          />
        ),
      }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        showTotal: (count) => t('common.total', { total: count }),
        onChange: onPageChange,
      }}
    />
  );
}
