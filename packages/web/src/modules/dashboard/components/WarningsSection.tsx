import { useMemo } from 'react';
import { Card, Col, Flex, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import type { Dashboard } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { COLORS } from '../charts/chartTypes';
import { activeCases, buildCaseStatusOption, buildDeadlineOption } from '../charts/populationOptions';
import { countOf } from '../dashboardFormat';
import { useDashboardLabels } from '../hooks/useDashboardLabels';
import type { DrillTo } from '../types';
import { ChartCard } from './ChartCard';
import { ExplainTip } from './ExplainTip';

interface FigureProps {
  label: string;
  explain: string;
  value: number;
  to?: string;
  color?: string;
  testId: string;
}

function Figure({ label, explain, value, to, color, testId }: FigureProps) {
  const title = (
    <span>
      {label}
      <ExplainTip text={explain} />
    </span>
  );
  const statistic = <Statistic title={title} value={value} styles={{ content: { color: value > 0 ? color : undefined, fontSize: 22 } }} />;
  return (
    <div data-testid={testId} data-value={value} style={{ minWidth: 110 }}>
      {to ? <Link to={to} aria-label={`${label} ${value}`}>{statistic}</Link> : statistic}
    </div>
  );
}

/** 预警与案件: open and overdue warnings; cases by step; due soon (orange) and overdue (red) against the server's today. */
export function WarningsSection({ dashboard, drillTo }: { dashboard: Dashboard; drillTo: DrillTo }) {
  const { t } = useI18n();
  const labels = useDashboardLabels().population;
  const { warnings, cases } = dashboard;
  const status = useMemo(() => buildCaseStatusOption(cases.byStatus, labels), [cases.byStatus, labels]);
  const deadline = useMemo(() => buildDeadlineOption(cases, labels), [cases, labels]);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('dashboard.section.warnings')} style={{ height: '100%' }}>
          <Flex wrap gap={16}>
            <Figure testId="dashboard-warnings-open" label={t('dashboard.warnings.open')} explain={t('dashboard.explain.warningsOpen')} value={countOf(warnings.open)} to={drillTo('warnings_open')} color={COLORS.dueSoon} />
            <Figure testId="dashboard-warnings-overdue" label={t('dashboard.warnings.overdue')} explain={t('dashboard.explain.warningsOverdue')} value={countOf(warnings.openOverdue)} color={COLORS.overdue} />
            <Figure testId="dashboard-warnings-closed" label={t('dashboard.warnings.closedThisYear')} explain={t('dashboard.explain.warningsClosed')} value={countOf(warnings.closedThisYear)} />
          </Flex>
          <Flex wrap gap={16} style={{ marginTop: 12 }}>
            <Figure testId="dashboard-cases-active" label={t('dashboard.cases.active')} explain={t('dashboard.explain.casesActive')} value={activeCases(cases.byStatus)} to={drillTo('cases_active')} />
            <Figure testId="dashboard-cases-due-soon" label={t('dashboard.cases.dueSoon')} explain={t('dashboard.explain.casesDueSoon')} value={countOf(cases.dueSoon)} to={drillTo('cases_due_soon')} color={COLORS.dueSoon} />
            <Figure testId="dashboard-cases-overdue" label={t('dashboard.cases.overdue')} explain={t('dashboard.explain.casesOverdue')} value={countOf(cases.overdue)} to={drillTo('cases_overdue')} color={COLORS.overdue} />
          </Flex>
          <div style={{ marginTop: 12 }}>
            <ChartCard title={t('dashboard.section.deadline')} explain={t('dashboard.explain.casesDueSoon')} option={deadline} height={90} testId="dashboard-deadline-chart" drillTo={drillTo} />
          </div>
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <ChartCard title={t('dashboard.section.caseStatus')} explain={t('dashboard.explain.caseStatus')} option={status} height={340} testId="dashboard-case-status-chart" drillTo={drillTo} />
      </Col>
    </Row>
  );
}
