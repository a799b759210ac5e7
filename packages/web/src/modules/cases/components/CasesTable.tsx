import type { HTMLAttributes, Key } from 'react';
import { Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { householdPath } from '../../registry';
import { formatDateTime } from '../../ui';
import { caseLabel } from '../caseLabels';
import { CASE_PAGE_SIZES, CASE_ROW_CLASS } from '../caseList';
import { casePath } from '../paths';
import type { CaseSummary } from '../types';
import { CaseDueTag } from './CaseDueTag';
import { CaseProposalCell } from './CaseProposalCell';
import { CaseStatusTag } from './CaseStatusTag';

interface CasesTableProps {
  rows: CaseSummary[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  emptyText: string;
  onPageChange: (page: number, pageSize: number) => void;
  /** Row selection for bulk steps; absent when the user may pass nothing in bulk. */
  selection?: {
    selectedKeys: string[];
    onChange: (keys: string[]) => void;
    selectable: (row: CaseSummary) => boolean;
  };
}

/** Server-paginated cases, overdue first then by due date; overdue rows red, rows due soon orange. */
export function CasesTable(props: CasesTableProps) {
  const { t, language } = useI18n();
  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('cases.column.caseNo'),
      key: 'caseNo',
      width: 150,
      fixed: 'left',
      render: (_, c) => (
        <Link to={casePath(c.id)} data-testid="case-link" className="mono" style={{ whiteSpace: 'nowrap' }}>
          {c.caseNo}
        </Link>
      ),
    },
    {
      title: t('cases.column.household'),
      key: 'household',
      width: 170,
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <Link to={householdPath(c.householdId)} data-testid="case-household-link" style={{ whiteSpace: 'nowrap' }}>
            {c.householdNo}
          </Link>
          <span>{c.headName ?? '—'}</span>
        </Space>
      ),
    },
    {
      title: t('cases.column.village'),
      key: 'village',
      width: 150,
      render: (_, c) => (
        <span style={{ fontSize: 13 }}>
          {c.villageName ?? c.villageCode}
          {c.townshipName ? <div style={{ color: '#8c8c8c' }}>{c.townshipName}</div> : null}
        </span>
      ),
    },
    { title: t('cases.column.status'), key: 'status', width: 150, render: (_, c) => <CaseStatusTag status={c.status} testId="case-row-status" /> },
    {
      title: t('cases.column.source'),
      key: 'source',
      width: 120,
      render: (_, c) => (
        <Space size={4} wrap>
          <span>{caseLabel('source', c.source, language)}</span>
          {c.disaster ? (
            <Tooltip title={t('cases.disasterHint')}>
              <Tag color="red">{t('cases.disaster')}</Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    { title: t('cases.column.due'), key: 'due', width: 130, render: (_, c) => <CaseDueTag item={c} stacked /> },
    { title: t('cases.column.proposal'), key: 'proposal', render: (_, c) => <CaseProposalCell item={c} /> },
    {
      title: t('cases.column.updatedAt'),
      key: 'updatedAt',
      width: 110,
      render: (_, c) => <span style={{ fontSize: 12 }}>{formatDateTime(c.updatedAt).slice(0, 16)}</span>,
    },
  ];

  const { selection } = props;
  return (
    <Table<CaseSummary>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={props.rows}
      loading={props.loading}
      data-testid="case-queue-table"
      scroll={{ x: 1150 }}
      rowClassName={(c) => CASE_ROW_CLASS[c.urgency] ?? ''}
      rowSelection={
        selection
          ? {
              selectedRowKeys: selection.selectedKeys,
              onChange: (keys: Key[]) => selection.onChange(keys.map(String)),
              getCheckboxProps: (c) => ({ disabled: !selection.selectable(c), name: `case-select-${c.caseNo}` }),
              preserveSelectedRowKeys: false,
            }
          : undefined
      }
      onRow={(c) =>
        ({
          'data-testid': `case-row-${c.caseNo}`,
          'data-case-id': c.id,
          'data-status': c.status,
          'data-urgency': c.urgency,
        }) as HTMLAttributes<HTMLElement>
      }
      pagination={{
        current: props.page,
        pageSize: props.pageSize,
        total: props.total,
        pageSizeOptions: CASE_PAGE_SIZES.map(String),
        showSizeChanger: true,
        showTotal: (total) => t('cases.total', { total }),
        onChange: props.onPageChange,
      }}
      locale={{ emptyText: props.emptyText }}
    />
  );
}
