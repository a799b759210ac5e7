import { Col, Row, Typography } from 'antd';
import type { Dashboard } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { countOf, formatCount, formatFen, formatRate, formatShare } from '../dashboardFormat';
import { KpiCard } from './KpiCard';
import type { DrillTo } from '../types';

const Sub = ({ children, type }: { children: string; type?: 'danger' | 'success' | 'secondary' }) => (
  <div>
    <Typography.Text type={type ?? 'secondary'} style={{ fontSize: 12 }}>
      {children}
    </Typography.Text>
  </div>
);

/** The headline figures of a region and period; each opens the households it counts. */
export function KpiCards({ dashboard, drillTo }: { dashboard: Dashboard; drillTo: DrillTo }) {
  const { t } = useI18n();
  const { population, income, target, gap, focus } = dashboard;
  const month = dashboard.quarter * 3;
  const comparable = countOf(income.comparableHouseholds);
  const growth = income.growthRate;

  const cards = [
    <KpiCard key="households" testId="kpi-households" label={t('dashboard.kpi.households')} explain={t('dashboard.explain.households')}
      value={formatCount(population.total.households)} raw={countOf(population.total.households)} to={drillTo('all')}>
      <Sub>{t('dashboard.people', { count: formatCount(population.total.people) })}</Sub>
    </KpiCard>,
    <KpiCard key="monitored" testId="kpi-monitored" label={t('dashboard.kpi.monitored')} explain={t('dashboard.explain.monitored')}
      value={formatCount(population.monitored.households)} raw={countOf(population.monitored.households)} to={drillTo('monitored')}>
      <Sub>{t('dashboard.kpi.monitoredPeople', { count: formatCount(population.monitored.people) })}</Sub>
    </KpiCard>,
    <KpiCard key="reported" testId="kpi-reported" label={t('dashboard.kpi.reported')} explain={t('dashboard.explain.reported')}
      value={formatCount(income.reported.households)} raw={countOf(income.reported.households)} to={drillTo('reported')}>
      <Sub>{t('dashboard.people', { count: formatCount(income.reported.people) })}</Sub>
    </KpiCard>,
    <KpiCard key="ytd" testId="kpi-ytd" label={t('dashboard.kpi.ytd', { month })} explain={t('dashboard.explain.ytd')}
      value={formatFen(income.ytdPerCapitaNetFen)} raw={income.ytdPerCapitaNetFen} to={drillTo('reported')}>
      <Sub>{t('dashboard.kpi.lastYear', { amount: formatFen(income.lastYearYtdPerCapitaNetFen) })}</Sub>
    </KpiCard>,
    <KpiCard key="projected" testId="kpi-projected" label={t('dashboard.kpi.projected')} explain={t('dashboard.explain.projected')}
      value={formatFen(income.projectedPerCapitaNetFen)} raw={income.projectedPerCapitaNetFen} to={drillTo('reported')}
      tone={gap ? (gap.perCapitaNetFen < 0 ? 'warning' : 'success') : undefined}>
      {target ? (
        <>
          <Sub>
            {target.inheritedFrom
              ? t('dashboard.kpi.targetInherited', { amount: formatFen(target.perCapitaNetFen), region: target.inheritedFrom.name })
              : t('dashboard.kpi.target', { amount: formatFen(target.perCapitaNetFen) })}
          </Sub>
          {gap ? (
            <Sub type={gap.perCapitaNetFen < 0 ? 'danger' : 'success'}>
              {`${gap.perCapitaNetFen < 0 ? t('dashboard.kpi.gapShort', { amount: formatFen(-gap.perCapitaNetFen) }) : t('dashboard.kpi.gapOver', { amount: formatFen(gap.perCapitaNetFen) })} · ${t('dashboard.kpi.reached', { share: formatShare(gap.reachedShare) })}`}
            </Sub>
          ) : null}
        </>
      ) : (
        <Sub>{t('dashboard.kpi.noTarget')}</Sub>
      )}
    </KpiCard>,
    <KpiCard key="growth" testId="kpi-growth" label={t('dashboard.kpi.growth')} explain={t('dashboard.explain.growth')}
      value={formatRate(growth)} raw={growth} to={drillTo('reported')}
      tone={growth === null ? undefined : growth < 0 ? 'danger' : 'success'}>
      {target?.growthRate !== null && target?.growthRate !== undefined ? <Sub>{t('dashboard.kpi.target', { amount: formatRate(target.growthRate) })}</Sub> : null}
    </KpiCard>,
    <KpiCard key="incomeFell" testId="kpi-income-fell" label={t('dashboard.kpi.incomeFell')} explain={t('dashboard.explain.incomeFell')}
      value={formatShare(income.incomeFellShare)} raw={income.incomeFellShare} to={drillTo('income_fell')}>
      <Sub>{t('dashboard.ofHouseholds', { count: formatCount(income.incomeFellHouseholds), total: formatCount(comparable) })}</Sub>
    </KpiCard>,
    <KpiCard key="businessFell" testId="kpi-business-fell" label={t('dashboard.kpi.businessFell')} explain={t('dashboard.explain.businessFell')}
      value={formatShare(income.businessFellShare)} raw={income.businessFellShare} to={drillTo('business_fell')}>
      <Sub>{t('dashboard.ofHouseholds', { count: formatCount(income.businessFellHouseholds), total: formatCount(comparable) })}</Sub>
    </KpiCard>,
    <KpiCard key="lowIncome" testId="kpi-low-income" label={t('dashboard.kpi.lowIncome')} explain={t('dashboard.explain.lowIncome')}
      value={t('dashboard.households', { count: formatCount(focus.low_income?.households) })} raw={countOf(focus.low_income?.households)} to={drillTo('focus:low_income')}>
      <Sub>{`${t('dashboard.chart.withoutPlan')} ${formatCount(focus.low_income?.withoutPlan)}`}</Sub>
    </KpiCard>,
  ];

  return (
    <Row gutter={[12, 12]} data-testid="dashboard-kpis">
      {cards.map((card) => (
        <Col key={card.key} xs={24} sm={12} lg={8} xxl={6}>
          {card}
        </Col>
      ))}
    </Row>
  );
}
