import { useMemo, useState, type HTMLAttributes } from 'react';
import { Button, Select, Space, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { Dashboard, DashboardChild, DrillMetric } from '@zengshou/core';
import { useI18n } from '../../i18n';
import type { EChartClick } from '../../ui';
import { buildRankingOption, formatIndicator, rankingHeight, RANKING_INDICATORS, sortChildren, type RankingIndicator } from '../charts/rankingOption';
import { formatCount } from '../dashboardFormat';
import { ChartCard } from './ChartCard';

interface ChildrenRankingProps {
  dashboard: Dashboard;
  /** The household list of one child region. */
  childDrill: (regionCode: string, metric: DrillMetric) => string;
  onOpenChild: (child: DashboardChild) => void;
  navigateTo: (path: string) => void;
}

/**
 * 下级区域排名: a bar per township (or village), highest first. A bar opens that child's households; the table under
 * the chart says the same in words, with a link to each child's list and a button to its own dashboard.
 */
export function ChildrenRanking({ dashboard, childDrill, onOpenChild, navigateTo }: ChildrenRankingProps) {
  const { t } = useI18n();
  const [indicator, setIndicator] = useState<RankingIndicator>('ytdPerCapitaNetFen');
  const children = dashboard.children;
  const indicatorLabel = t(`dashboard.indicator.${indicator}`);
  const option = useMemo(() => buildRankingOption(children, indicator, indicatorLabel), [children, indicator, indicatorLabel]);
  const sorted = useMemo(() => sortChildren(children, indicator), [children, indicator]);

  const onBarClick = (event: EChartClick) => {
    // A bar carries its region code; an axis name is matched by name.
    const code =
      (event.data as { regionCode?: string } | undefined)?.regionCode ??
      (event.componentType === 'yAxis' ? children.find((c) => c.name === (event as unknown as { value: string }).value)?.code : undefined);
    if (code) navigateTo(childDrill(code, 'all'));
  };

  const columns: TableColumnsType<DashboardChild> = [
    { title: '#', key: 'rank', width: 48, render: (_, __, index) => index + 1 },
    { title: t('dashboard.ranking.region'), key: 'name', render: (_, c) => c.name },
    { title: indicatorLabel, key: 'value', align: 'right', render: (_, c) => formatIndicator(c, indicator) },
    {
      title: t('dashboard.ranking.households'),
      key: 'households',
      align: 'right',
      render: (_, c) => (
        <Link to={childDrill(c.code, 'all')} data-testid={`ranking-list-${c.code}`} data-value={c.households}>
          {t('dashboard.households', { count: formatCount(c.households) })}
        </Link>
      ),
    },
    {
      title: t('common.actions'),
      key: 'open',
      width: 120,
      render: (_, c) => (
        <Button size="small" onClick={() => onOpenChild(c)} data-testid={`ranking-open-${c.code}`}>
          {t('dashboard.ranking.open')}
        </Button>
      ),
    },
  ];

  if (children.length === 0) return null;
  return (
    <ChartCard
      title={t('dashboard.section.ranking')}
      explain={t('dashboard.explain.ranking')}
      option={option}
      height={rankingHeight(children.length)}
      testId="dashboard-ranking-chart"
      onItemClick={onBarClick}
      extra={
        <Space>
          <span>{t('dashboard.ranking.by')}</span>
          <Select<RankingIndicator>
            value={indicator}
            onChange={setIndicator}
            style={{ width: 200 }}
            data-testid="dashboard-ranking-indicator"
            options={RANKING_INDICATORS.map((value) => ({ value, label: t(`dashboard.indicator.${value}`) }))}
          />
        </Space>
      }
    >
      <Table<DashboardChild>
        rowKey="code"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={sorted}
        data-testid="dashboard-ranking-table"
        style={{ marginTop: 8 }}
        onRow={(c) => ({ 'data-testid': `ranking-row-${c.code}` }) as HTMLAttributes<HTMLElement>}
      />
    </ChartCard>
  );
}
