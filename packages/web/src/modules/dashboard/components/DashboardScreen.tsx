import { useCallback, useEffect } from 'react';
import { Alert, Breadcrumb, Flex, Select, Space, Spin, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { DashboardChild, DashboardRegion, DrillMetric, FocusGroup } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { useCurrentRegion } from '../../regions';
import { LoadErrorResult, PageContainer, formatDateTime } from '../../ui';
import { latestPeriodWithData, periodFromSearch, periodOfDate, QUARTERS, yearOptions, type Period } from '../dashboardPeriod';
import { countOf } from '../dashboardFormat';
import { drillPath } from '../drillMetrics';
import { useDashboard } from '../hooks/useDashboard';
import { dashboardKeys } from '../queryKeys';
import { ChildrenRanking } from './ChildrenRanking';
import { FocusSection } from './FocusSection';
import { IncomeSection } from './IncomeSection';
import { KpiCards } from './KpiCards';
import { PopulationSection } from './PopulationSection';
import { WarningsSection } from './WarningsSection';

/**
 * 数据看板 of the region chosen in the region panel, for one quarter (year-to-date). It opens on the latest quarter
 * with income reported; every figure leads to the households behind it, and a child's bar to that child's list.
 */
export function DashboardScreen() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { region, setRegion } = useCurrentRegion();
  const [search, setSearch] = useSearchParams();
  const asked = periodFromSearch(search);
  const dashboard = useDashboard({ region: region.code, year: asked.year, quarter: asked.quarter });
  const data = dashboard.data;

  const choose = useCallback(
    (period: Period) => {
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('year', String(period.year));
          next.set('quarter', String(period.quarter));
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );

  // Without a period in the address bar the server answers for its own default; move to the latest quarter that
  // has income (the running quarter is usually still being collected) and keep it in the URL for sharing.
  useEffect(() => {
    if ((asked.year && asked.quarter) || !data || dashboard.isPlaceholderData) return;
    const latest = latestPeriodWithData(data.trend, data.today) ?? { year: data.year, quarter: data.quarter };
    if (latest.year === data.year && latest.quarter === data.quarter) {
      queryClient.setQueryData(dashboardKeys.dashboard({ region: region.code, ...latest }), data);
    }
    choose(latest);
  }, [asked.year, asked.quarter, data, dashboard.isPlaceholderData, choose, queryClient, region.code]);

  const year = asked.year ?? data?.year;
  const quarter = asked.quarter ?? data?.quarter;
  const drillTo = useCallback(
    (metric: DrillMetric, group?: FocusGroup) => drillPath({ region: data?.region.code ?? region.code, year: year ?? 0, quarter: quarter ?? 0, metric, group }),
    [data?.region.code, region.code, year, quarter],
  );
  const childDrill = useCallback(
    (regionCode: string, metric: DrillMetric) => drillPath({ region: regionCode, year: year ?? 0, quarter: quarter ?? 0, metric }),
    [year, quarter],
  );

  const fullPath: DashboardRegion[] = data
    ? data.path.at(-1)?.code === data.region.code
      ? data.path
      : [...data.path, data.region]
    : [];
  const openRegion = (target: DashboardRegion, index: number) => {
    // The region panel's trail ends at the region shown; an ancestor's trail is the same trail cut short.
    const trail = region.trail.slice(0, Math.max(1, region.trail.length - (fullPath.length - 1 - index)));
    setRegion({ code: target.code, name: target.name, trail });
  };
  const openChild = (child: DashboardChild) => setRegion({ code: child.code, name: child.name, trail: [...region.trail, child.name] });

  const title = data ? t('dashboard.titleOf', { region: data.region.name }) : t('dashboard.title');
  const years = data ? yearOptions(data.trend, data.today, year ?? data.year) : [];
  const now = data ? periodOfDate(data.today) : null;
  // A quarter that has not begun has nothing to show.
  const future = (q: number) => now !== null && year !== undefined && (year > now.year || (year === now.year && q > now.quarter));

  return (
    <PageContainer
      title={title}
      testId="dashboard-page"
      extra={
        data ? (
          <Space wrap>
            <span>{t('dashboard.year')}</span>
            <Select<number>
              value={year}
              style={{ width: 110 }}
              data-testid="dashboard-year"
              onChange={(y) => choose({ year: y, quarter: quarter ?? 4 })}
              options={years.map((y) => ({ value: y, label: t('dashboard.yearOption', { year: y }) }))}
            />
            <span>{t('dashboard.quarter')}</span>
            <Select<number>
              value={quarter}
              style={{ width: 170 }}
              data-testid="dashboard-quarter"
              onChange={(q) => choose({ year: year ?? data.year, quarter: q })}
              options={QUARTERS.map((q) => ({ value: q, disabled: future(q), label: t('dashboard.quarterOption', { quarter: q, month: q * 3 }) }))}
            />
          </Space>
        ) : null
      }
    >
      {dashboard.error && !data ? (
        <LoadErrorResult message={dashboard.error.message} onRetry={() => void dashboard.refetch()} />
      ) : !data ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : (
        <Flex
          vertical
          gap={16}
          data-testid="dashboard-content"
          data-region-code={data.region.code}
          data-year={data.year}
          data-quarter={data.quarter}
          style={{ opacity: dashboard.isFetching && dashboard.isPlaceholderData ? 0.6 : 1 }}
        >
          <Flex wrap justify="space-between" align="center" gap={8}>
            <Breadcrumb
              data-testid="dashboard-breadcrumb"
              items={fullPath.map((r, index) => ({
                key: r.code,
                title:
                  index === fullPath.length - 1 ? (
                    <Typography.Text strong>{r.name}</Typography.Text>
                  ) : (
                    <Typography.Link onClick={() => openRegion(r, index)} data-testid={`dashboard-breadcrumb-${r.code}`}>
                      {r.name}
                    </Typography.Link>
                  ),
              }))}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dashboard.period', { year: data.year, quarter: data.quarter, month: data.quarter * 3 })}
              {' · '}
              {t('dashboard.today', { today: data.today })}
              {' · '}
              {data.refreshedAt ? t('dashboard.refreshedAt', { time: formatDateTime(data.refreshedAt) }) : t('dashboard.refreshedAt.none')}
            </Typography.Text>
          </Flex>
          <Alert type="info" showIcon title={t('dashboard.clickHint')} className="no-print" />
          {countOf(data.income.reported.households) === 0 ? <Alert type="warning" showIcon title={t('dashboard.noIncome')} /> : null}
          <KpiCards dashboard={data} drillTo={drillTo} />
          <ChildrenRanking dashboard={data} childDrill={childDrill} onOpenChild={openChild} navigateTo={(path) => void navigate(path)} />
          <IncomeSection dashboard={data} />
          <PopulationSection dashboard={data} drillTo={drillTo} />
          <WarningsSection dashboard={data} drillTo={drillTo} />
          <FocusSection dashboard={data} drillTo={drillTo} />
        </Flex>
      )}
    </PageContainer>
  );
}
