import type { HTMLAttributes } from 'react';
import { Alert, Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { HOUSEHOLD_TYPE, MONITORING_CATEGORY, type DrillHousehold } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { enumLabel, householdPath } from '../../registry';
import { LoadErrorResult, PageContainer } from '../../ui';
import { countOf, formatCount, formatFen } from '../dashboardFormat';
import { drillMetricLabel, dashboardPath } from '../drillMetrics';
import { drillQueryFromSearch, DRILL_PAGE_SIZES } from '../drillQuery';
import { useDashboard, useDrillHouseholds } from '../hooks/useDashboard';

/**
 * The households behind one dashboard figure (?region&year&quarter&metric), masked like every list, each linking
 * to its household page. The title says which figure of which region and period is listed.
 */
export function DrillHouseholdsScreen() {
  const { t, language } = useI18n();
  const [search, setSearch] = useSearchParams();
  const query = drillQueryFromSearch(search);
  const list = useDrillHouseholds(query);
  // The dashboard of the same region and period names the region (usually already cached from the click).
  const dashboard = useDashboard({ region: query?.region ?? '', year: query?.year, quarter: query?.quarter }, query !== null);

  if (!query) {
    return (
      <PageContainer title={t('dashboard.title')} testId="drill-page">
        <Alert type="warning" showIcon title={t('dashboard.drill.badRequest')} />
      </PageContainer>
    );
  }

  const metric = drillMetricLabel(query.metric, t, language, query.group);
  const region = dashboard.data?.region.code === query.region ? dashboard.data : undefined;
  const regionName = region ? [...region.path.filter((r) => r.code !== region.region.code), region.region].map((r) => r.name).join(' / ') : query.region;
  const period = t('dashboard.period', { year: query.year, quarter: query.quarter, month: query.quarter * 3 });

  const go = (page: number, pageSize: number) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('page', String(pageSize === query.pageSize ? page : 1));
        next.set('pageSize', String(pageSize));
        return next;
      },
      { replace: true },
    );

  const columns: TableColumnsType<DrillHousehold> = [
    {
      title: t('dashboard.drill.column.householdNo'),
      key: 'householdNo',
      fixed: 'left',
      render: (_, h) => (
        <Link to={householdPath(h.id)} data-testid="drill-household-link" style={{ whiteSpace: 'nowrap' }}>
          {h.householdNo}
        </Link>
      ),
    },
    { title: t('dashboard.drill.column.head'), key: 'head', render: (_, h) => h.headName || '—' },
    { title: t('dashboard.drill.column.village'), key: 'village', render: (_, h) => h.villageName || h.villageCode },
    { title: t('dashboard.drill.column.type'), key: 'type', render: (_, h) => enumLabel(HOUSEHOLD_TYPE, h.householdType, language) },
    { title: t('dashboard.drill.column.category'), key: 'category', render: (_, h) => (h.monitoringCategory ? enumLabel(MONITORING_CATEGORY, h.monitoringCategory, language) : '—') },
    { title: t('dashboard.drill.column.members'), key: 'members', align: 'right', render: (_, h) => countOf(h.memberCount) },
    { title: t('dashboard.drill.column.perCapita'), key: 'perCapita', align: 'right', render: (_, h) => formatFen(h.latestPerCapitaAnnualFen) },
  ];

  return (
    <PageContainer
      title={t('dashboard.drill.title', { metric, region: region?.region.name ?? query.region })}
      testId="drill-page"
      extra={
        <Link to={dashboardPath(query)}>
          <Button icon={<ArrowLeftOutlined />} data-testid="drill-back">
            {t('dashboard.drill.back')}
          </Button>
        </Link>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary" data-testid="drill-subtitle">
          {t('dashboard.drill.subtitle', { region: regionName, period })}
        </Typography.Text>
        {list.error && !list.data ? (
          <LoadErrorResult message={list.error.message} onRetry={() => void list.refetch()} />
        ) : (
          <Table<DrillHousehold>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            data-testid="drill-table"
            data-total={list.data ? countOf(list.data.total) : ''}
            data-region={query.region}
            data-metric={query.metric}
            scroll={{ x: 'max-content' }}
            onRow={(h) => ({ 'data-testid': `drill-row-${h.householdNo}`, 'data-village-code': h.villageCode }) as HTMLAttributes<HTMLElement>}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: countOf(list.data?.total),
              pageSizeOptions: DRILL_PAGE_SIZES.map(String),
              showSizeChanger: true,
              showTotal: (total) => t('dashboard.drill.total', { total: formatCount(total) }),
              onChange: go,
            }}
            locale={{ emptyText: t('dashboard.drill.empty') }}
          />
        )}
      </Flex>
    </PageContainer>
  );
}
