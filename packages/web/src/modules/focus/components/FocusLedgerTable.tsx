import type { HTMLAttributes } from 'react';
import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { formatYuan } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { householdPath } from '../../registry';
import { LEDGER_PAGE_SIZES } from '../focusList';
import { focusGroupLabel } from '../focusLabels';
import type { LedgerRow } from '../types';
import { PlanStatusTag } from './PlanStatusTag';

interface FocusLedgerTableProps {
  rows: LedgerRow[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  canWrite: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  onOpenPlan: (householdId: string) => void;
}

function IncomeCell({ row }: { row: LedgerRow }) {
  const { t } = useI18n();
  if (row.perCapitaAnnualFen === null || !row.period) return <Typography.Text type="secondary">{t('focus.income.none')}</Typography.Text>;
  const { year, quarter } = row.period;
  return (
    <div>
      <Typography.Text strong>{formatYuan(row.perCapitaAnnualFen)}</Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {quarter >= 4 ? t('focus.period.year', { year }) : t('focus.period.annualised', { year, quarter })}
        </Typography.Text>
      </div>
    </div>
  );
}

function GapCell({ gapFen }: { gapFen: number | null }) {
  const { t } = useI18n();
  if (gapFen === null) return <>—</>;
  if (gapFen <= 0) return <Typography.Text type="success">{t('focus.gap.reached')}</Typography.Text>;
  return <Typography.Text type="danger">{t('focus.gap.short', { amount: formatYuan(gapFen) })}</Typography.Text>;
}

/** The ledger, paged on the server: income against last year, the groups, the plan and how far it is from its target. */
export function FocusLedgerTable(props: FocusLedgerTableProps) {
  const { t, language } = useI18n();

  const columns: TableColumnsType<LedgerRow> = [
    {
      title: t('focus.column.householdNo'),
      key: 'householdNo',
      width: 150,
      fixed: 'left',
      render: (_, r) => (
        <Link to={householdPath(r.householdId)} data-testid="focus-household-link" style={{ whiteSpace: 'nowrap' }}>
          {r.householdNo}
        </Link>
      ),
    },
    { title: t('focus.column.head'), key: 'head', width: 80, render: (_, r) => r.headName ?? '—' },
    { title: t('focus.column.village'), key: 'village', width: 120, render: (_, r) => r.villageName ?? r.villageCode },
    { title: t('focus.column.income'), key: 'income', width: 150, render: (_, r) => <IncomeCell row={r} /> },
    {
      title: t('focus.column.previous'),
      key: 'previous',
      width: 120,
      render: (_, r) => (r.previousPerCapitaAnnualFen === null ? '—' : formatYuan(r.previousPerCapitaAnnualFen)),
    },
    {
      title: t('focus.column.change'),
      key: 'change',
      width: 120,
      render: (_, r) =>
        r.changeFen === null ? '—' : (
          <Typography.Text type={r.changeFen < 0 ? 'danger' : undefined} data-testid="focus-change" data-fen={r.changeFen}>
            {r.changeFen > 0 ? '+' : ''}
            {formatYuan(r.changeFen)}
          </Typography.Text>
        ),
    },
    {
      title: t('focus.column.groups'),
      key: 'groups',
      width: 150,
      render: (_, r) =>
        r.groups.length === 0 ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('focus.groups.none')}
          </Typography.Text>
        ) : (
          r.groups.map((g) => (
            <Tag key={g} color={g === 'low_income' ? 'volcano' : 'orange'} style={{ marginBottom: 2 }}>
              {focusGroupLabel(g, language)}
            </Tag>
          ))
        ),
    },
    {
      title: t('focus.column.status'),
      key: 'status',
      width: 120,
      render: (_, r) => (
        <>
          <PlanStatusTag status={r.plan?.status} />
          {r.plan?.overdue ? (
            <Tag color="red" data-testid="focus-plan-overdue" style={{ marginInlineStart: 4 }}>
              {t('focus.overdue')}
            </Tag>
          ) : null}
        </>
      ),
    },
    { title: t('focus.column.cadre'), key: 'cadre', width: 100, render: (_, r) => r.plan?.cadreName ?? '—' },
    {
      title: t('focus.column.target'),
      key: 'target',
      width: 140,
      render: (_, r) =>
        r.plan ? (
          <div>
            {formatYuan(r.plan.targetPerCapitaFen)}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('focus.targetYear', { year: r.plan.targetYear ?? '—' })}
              </Typography.Text>
            </div>
          </div>
        ) : (
          '—'
        ),
    },
    { title: t('focus.column.gap'), key: 'gap', width: 130, render: (_, r) => <GapCell gapFen={r.gapFen} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, r) => (
        <Button size="small" type={r.plan ? 'default' : 'primary'} onClick={() => props.onOpenPlan(r.householdId)} data-testid={`focus-plan-open-${r.householdNo}`}>
          {!props.canWrite ? t('focus.action.view') : r.plan ? t('focus.action.revise') : t('focus.action.create')}
        </Button>
      ),
    },
  ];

  return (
    <Table<LedgerRow>
      rowKey="householdId"
      size="small"
      columns={columns}
      dataSource={props.rows}
      loading={props.loading}
      data-testid="focus-table"
      scroll={{ x: 1400 }}
      onRow={(r) =>
        ({
          'data-testid': `focus-row-${r.householdNo}`,
          'data-household-id': r.householdId,
          'data-plan-status': r.plan?.status ?? 'none',
          'data-groups': r.groups.join(','),
        }) as HTMLAttributes<HTMLElement>
      }
      pagination={{
        current: props.page,
        pageSize: props.pageSize,
        total: props.total,
        pageSizeOptions: LEDGER_PAGE_SIZES.map(String),
        showSizeChanger: true,
        showTotal: (total) => t('focus.total', { total }),
        onChange: props.onPageChange,
      }}
      locale={{ emptyText: t('focus.empty') }}
    />
  );
}
