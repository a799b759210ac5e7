import type { HTMLAttributes, ReactNode } from 'react';
import { Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { householdPath } from '../../registry';
import { FalsePositiveAction } from '../../department';
import { warningRuleTitle } from '../monitoringLabels';
import type { Warning } from '../types';
import { WARNING_PAGE_SIZES } from '../warningList';
import { WarningDueTag } from './WarningDueTag';
import { WarningScore } from './WarningScore';

interface WarningsTableProps {
  rows: Warning[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  /** A per-row action of another area (the cases module's 转为线索), placed by the page. */
  renderAction?: (warning: Warning) => ReactNode;
}

const ROW_CLASS: Partial<Record<Warning['urgency'], string>> = { overdue: 'warning-row-overdue', due_soon: 'warning-row-due-soon' };

/** Server-paginated warnings, earliest due first; overdue rows red, rows due soon orange. */
export function WarningsTable(props: WarningsTableProps) {
  const { t, language } = useI18n();

  const columns: TableColumnsType<Warning> = [
    {
      title: t('warnings.column.householdNo'),
      key: 'householdNo',
      width: 160,
      fixed: 'left',
      render: (_, w) => (
        <Link to={householdPath(w.householdId)} data-testid="warning-household-link" style={{ whiteSpace: 'nowrap' }}>
          {w.householdNo}
        </Link>
      ),
    },
    { title: t('warnings.column.head'), key: 'head', width: 72, render: (_, w) => w.headName ?? '—' },
    { title: t('warnings.column.village'), key: 'village', width: 130, render: (_, w) => w.villageName ?? w.villageCode },
    {
      title: t('warnings.column.warning'),
      key: 'warning',
      width: 140,
      // The stored title is what the rule said when it fired; in English the current rendering of the rule.
      render: (_, w) => (
        <Typography.Text strong style={{ display: 'inline-block', maxWidth: 150 }}>
          {language === 'en' && w.source === 'rules' ? warningRuleTitle(w.ruleId, language) : w.title}
        </Typography.Text>
      ),
    },
    {
      title: t('warnings.column.explanation'),
      key: 'explanation',
      render: (_, w) => <div style={{ minWidth: 200, fontSize: 13 }}>{w.explanation}</div>,
    },
    { title: t('warnings.column.score'), key: 'score', width: 120, render: (_, w) => <WarningScore score={w.score} /> },
    {
      title: t('warnings.column.period'),
      key: 'period',
      width: 124,
      render: (_, w) => (w.period ? t('warnings.period', { year: w.period.year, quarter: w.period.quarter }) : '—'),
    },
    { title: t('warnings.column.due'), key: 'due', width: 120, render: (_, w) => <WarningDueTag warning={w} stacked /> },
    ...(props.renderAction
      ? [{ title: t('common.actions'), key: 'actions', width: 110, render: (_: unknown, w: Warning) => (
            <>
              {props.renderAction?.(w)}
              <FalsePositiveAction warning={w} />
            </>
          ) }]
      : []),
  ];

  return (
    <Table<Warning>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={props.rows}
      loading={props.loading}
      data-testid="warnings-table"
      scroll={{ x: 1100 }}
      rowClassName={(w) => (w.status === 'open' ? (ROW_CLASS[w.urgency] ?? '') : 'warning-row-closed')}
      onRow={(w) =>
        ({
          'data-testid': `warning-row-${w.householdNo}-${w.ruleId}`,
          'data-urgency': w.urgency,
          'data-status': w.status,
        }) as HTMLAttributes<HTMLElement>
      }
      pagination={{
        current: props.page,
        pageSize: props.pageSize,
        total: props.total,
        pageSizeOptions: WARNING_PAGE_SIZES.map(String),
        showSizeChanger: true,
        showTotal: (total) => t('warnings.total', { total }),
        onChange: props.onPageChange,
      }}
      locale={{ emptyText: t('warnings.empty') }}
    />
  );
}
