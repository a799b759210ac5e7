import { useMemo } from 'react';
import { Col, Row } from 'antd';
import type { Dashboard } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { buildCompositionOption, buildTargetBulletOption, buildTrendOption } from '../charts/incomeOptions';
import { useDashboardLabels } from '../hooks/useDashboardLabels';
import { ChartCard } from './ChartCard';

/** 收入情况: structure of the four wheels, the quarterly trend against earlier years, and target against projection. */
export function IncomeSection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useI18n();
  const labels = useDashboardLabels().income;
  const { income, target, gap, trend, year } = dashboard;
  const composition = useMemo(() => buildCompositionOption(income, target, labels), [income, target, labels]);
  const trendOption = useMemo(() => buildTrendOption(trend, year, labels), [trend, year, labels]);
  const bullet = useMemo(() => buildTargetBulletOption(income, target, gap, labels), [income, target, gap, labels]);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={12}>
        <ChartCard title={t('dashboard.section.trend')} explain={t('dashboard.explain.trend')} option={trendOption} testId="dashboard-trend-chart" />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard title={t('dashboard.section.composition')} explain={t('dashboard.explain.composition')} option={composition} height={280} testId="dashboard-composition-chart" />
      </Col>
      <Col xs={24}>
        <ChartCard title={t('dashboard.section.bullet')} explain={t('dashboard.explain.bullet')} option={bullet} height={260} testId="dashboard-bullet-chart" />
      </Col>
    </Row>
  );
}
