import type { HTMLAttributes } from 'react';
import { Table, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { HOUSEHOLD_TYPE } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { useEnumLabel } from '../hooks/useEnumLabel';
import { PAGE_SIZES } from '../householdFilters';
import { householdPath } from '../paths';
import type { Household } from '../types';
import { CheckCountTags } from './CheckCountTags';
import { HouseholdFlagTags } from './HouseholdFlagTags';
import { HouseholdStatusTags } from './HouseholdStatusTags';
import { LatestIncomeCell } from './LatestIncomeCell';

interface HouseholdsTableProps {
  rows: Household[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

/** Server-paginated household list; a click anywhere on a row opens the household. */
export function HouseholdsTable(props: HouseholdsTableProps) {
  const { t } = useI18n();
  const { label } = useEnumLabel();
  const navigate = useNavigate();

  const columns: TableColumnsType<Household> = [
    {
      title: t('household.field.householdNo'),
      key: 'householdNo',
      fixed: 'left',
      render: (_, h) => (
        <Link to={householdPath(h.id)} onClick={(event) => event.stopPropagation()}>
          {h.householdNo}
        </Link>
      ),
    },
    {
      title: t('household.column.place'),
      key: 'place',
      render: (_, h) => (
        <>
          <div>{h.townshipName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {h.villageName}
          </Typography.Text>
        </>
      ),
    },
    { title: t('household.field.head'), key: 'head', render: (_, h) => h.headName ?? '—' },
    {
      title: t('household.field.householdType'),
      key: 'type',
      render: (_, h) => (
        <>
          <div>{label(HOUSEHOLD_TYPE, h.householdType)}</div>
          <HouseholdStatusTags household={h} />
        </>
      ),
    },
    { title: t('household.field.memberCount'), dataIndex: 'memberCount', key: 'members', align: 'right' },
    { title: t('household.column.latestIncome'), key: 'income', render: (_, h) => <LatestIncomeCell income={h.latestIncome} /> },
    {
      title: t('household.column.checks'),
      key: 'checks',
      render: (_, h) => <CheckCountTags errors={h.failingChecks.errors} warnings={h.failingChecks.warnings} />,
    },
    {
      title: t('household.column.flags'),
      key: 'flags',
      render: (_, h) => <HouseholdFlagTags flags={h.problemFlags} relocated={h.relocated} />,
    },
  ];

  return (
    <Table<Household>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={props.rows}
      loading={props.loading}
      data-testid="households-table"
      className="clickable-rows"
      scroll={{ x: 'max-content' }}
      onRow={(h) =>
        ({
          onClick: () => void navigate(householdPath(h.id)),
          'data-testid': `household-row-${h.householdNo}`,
          'data-household-id': h.id,
        }) as HTMLAttributes<HTMLElement>
      }
      pagination={{
        current: props.page,
        pageSize: props.pageSize,
        total: props.total,
        pageSizeOptions: PAGE_SIZES.map(String),
        showSizeChanger: true,
        showTotal: (total) => t('household.list.total', { total }),
        onChange: props.onPageChange,
      }}
      locale={{ emptyText: t('household.list.empty') }}
    />
  );
}
