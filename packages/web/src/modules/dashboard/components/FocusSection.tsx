import { useMemo } from 'react';
import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { FOCUS_GROUPS, type Dashboard, type FocusGroup } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { buildFocusOption } from '../charts/populationOptions';
import { countOf, formatCount } from '../dashboardFormat';
import { useDashboardLabels } from '../hooks/useDashboardLabels';
import type { DrillTo } from '../types';
import { ChartCard } from './ChartCard';

interface FocusRow {
  group: FocusGroup;
  households: number;
  plansOpen: number;
  plansClosedOut: number;
  withoutPlan: number;
}

/**
 * 重点群体帮扶: the two groups with their plans open, closed out and not yet made; each figure opens its households
 * (a plan state within its group).
 */
export function FocusSection({ dashboard, drillTo }: { dashboard: Dashboard; drillTo: DrillTo }) {
  const { t } = useI18n();
  const labels = useDashboardLabels().population;
  const option = useMemo(() => buildFocusOption(dashboard.focus, FOCUS_GROUPS, labels), [dashboard.focus, labels]);
  const rows: FocusRow[] = FOCUS_GROUPS.map((group) => ({
    group,
    households: countOf(dashboard.focus[group]?.households),
    plansOpen: countOf(dashboard.focus[group]?.plansOpen),
    plansClosedOut: countOf(dashboard.focus[group]?.plansClosedOut),
    withoutPlan: countOf(dashboard.focus[group]?.withoutPlan),
  }));
  const columns: TableColumnsType<FocusRow> = [
    { title: t('dashboard.focus.group'), key: 'group', render: (_, r) => labels.focusGroup(r.group) },
    {
      title: t('dashboard.focus.households'),
      key: 'households',
      align: 'right',
      render: (_, r) => <Link to={drillTo(`focus:${r.group}`)} data-testid={`dashboard-focus-${r.group}`} data-value={r.households}>{formatCount(r.households)}</Link>,
    },
    { title: labels.plansOpen, key: 'open', align: 'right', render: (_, r) => <Link to={drillTo('plans_open', r.group)} data-testid={`dashboard-focus-${r.group}-open`}>{formatCount(r.plansOpen)}</Link> },
    { title: labels.plansClosedOut, key: 'closed', align: 'right', render: (_, r) => <Link to={drillTo('plans_closed_out', r.group)}>{formatCount(r.plansClosedOut)}</Link> },
    {
      title: labels.withoutPlan,
      key: 'none',
      align: 'right',
      render: (_, r) => (
        <Link to={drillTo('without_plan', r.group)} style={{ color: r.withoutPlan > 0 ? '#cf1322' : undefined }}>
          {formatCount(r.withoutPlan)}
        </Link>
      ),
    },
  ];
  return (
    <ChartCard title={t('dashboard.section.focus')} explain={t('dashboard.explain.focus')} option={option} height={150} testId="dashboard-focus-chart" drillTo={drillTo}>
      <Table<FocusRow> rowKey="group" size="small" pagination={false} columns={columns} dataSource={rows} data-testid="dashboard-focus-table" style={{ marginTop: 8 }} />
    </ChartCard>
  );
}
