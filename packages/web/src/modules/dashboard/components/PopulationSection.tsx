import { useMemo } from 'react';
import { Col, Row } from 'antd';
import type { Dashboard } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { buildPopulationOption, buildRiskOption } from '../charts/populationOptions';
import { useDashboardLabels } from '../hooks/useDashboardLabels';
import type { DrillTo } from '../types';
import { ChartCard } from './ChartCard';

/** 人口与监测对象: households and people by type and category; monitored households by risk type. */
export function PopulationSection({ dashboard, drillTo }: { dashboard: Dashboard; drillTo: DrillTo }) {
  const { t } = useI18n();
  const labels = useDashboardLabels().population;
  const population = useMemo(() => buildPopulationOption(dashboard.population, labels), [dashboard.population, labels]);
  const risk = useMemo(() => buildRiskOption(dashboard.population.monitoredByRiskType, labels), [dashboard.population.monitoredByRiskType, labels]);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={14}>
        <ChartCard title={t('dashboard.section.population')} explain={t('dashboard.explain.population')} option={population} testId="dashboard-population-chart" drillTo={drillTo} />
      </Col>
      <Col xs={24} xl={10}>
        <ChartCard title={t('dashboard.section.risk')} explain={t('dashboard.explain.risk')} option={risk} testId="dashboard-risk-chart" drillTo={drillTo} />
      </Col>
    </Row>
  );
}
