import type { BarSeriesOption } from 'echarts/charts';
import {
  CASE_STATES, HOUSEHOLD_TYPE, MONITORING_CATEGORY, RISK_TYPES,
  type CaseStatus, type Dashboard, type DrillMetric, type FocusGroup, type HouseholdType, type MonitoringCategory, type RiskType,
} from '@zengshou/core';
import { countOf, formatCount } from '../dashboardFormat';
import { COLORS, LABEL_FONT, itemTooltip, type ClickableItem, type DashboardChartOption } from './chartTypes';

export interface PopulationChartLabels {
  households: string;
  people: string;
  householdType: (code: HouseholdType) => string;
  category: (code: MonitoringCategory) => string;
  risk: (code: RiskType) => string;
  caseStatus: (code: CaseStatus) => string;
  focusGroup: (group: FocusGroup) => string;
  onTime: string;
  dueSoon: string;
  overdue: string;
  plansOpen: string;
  plansClosedOut: string;
  withoutPlan: string;
}

const item = (value: unknown, metric: DrillMetric, color?: string, group?: FocusGroup): ClickableItem => ({
  value: countOf(value),
  text: formatCount(value),
  metric,
  ...(group ? { group } : {}),
  ...(color ? { itemStyle: { color } } : {}),
});

const countLabel = { show: true, position: 'top' as const, ...LABEL_FONT, formatter: (p: { data: unknown }) => (p.data as ClickableItem).text ?? '' };

/** 户类型与监测类别: households and people side by side; each bar opens the households of its type or category. */
export function buildPopulationOption(population: Dashboard['population'], labels: PopulationChartLabels): DashboardChartOption {
  const keys = [
    ...HOUSEHOLD_TYPE.codes.map((code) => ({ name: labels.householdType(code), count: population.byHouseholdType[code], metric: `type:${code}` as DrillMetric })),
    ...MONITORING_CATEGORY.codes.map((code) => ({ name: labels.category(code), count: population.byMonitoringCategory[code], metric: `category:${code}` as DrillMetric })),
  ];
  const series: BarSeriesOption[] = [
    { type: 'bar', name: labels.households, itemStyle: { color: COLORS.primary }, label: countLabel, cursor: 'pointer', data: keys.map((k) => item(k?.count?.households, k.metric)) as BarSeriesOption['data'] },
    { type: 'bar', name: labels.people, itemStyle: { color: COLORS.people }, label: countLabel, cursor: 'pointer', data: keys.map((k) => item(k?.count?.people, k.metric)) as BarSeriesOption['data'] },
  ];
  return {
    legend: { top: 0, data: [labels.households, labels.people] },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: itemTooltip },
    xAxis: { type: 'category', data: keys.map((k) => k.name), axisLabel: { interval: 0, ...LABEL_FONT } },
    yAxis: { type: 'value' },
    series,
  };
}

/** 监测户风险类型: most frequent first (a household with two risk types counts in both). */
export function buildRiskOption(byRisk: Dashboard['population']['monitoredByRiskType'], labels: PopulationChartLabels): DashboardChartOption {
  const rows = RISK_TYPES.map((code) => ({ code, count: countOf(byRisk?.[code]) })).sort((a, b) => b.count - a.count || RISK_TYPES.indexOf(a.code) - RISK_TYPES.indexOf(b.code));
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: itemTooltip },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => labels.risk(r.code)), axisLabel: LABEL_FONT },
    series: [
      {
        type: 'bar',
        name: labels.households,
        barMaxWidth: 18,
        cursor: 'pointer',
        itemStyle: { color: COLORS.short },
        label: { ...countLabel, position: 'right' },
        data: rows.map((r) => item(r.count, `risk:${r.code}`)) as BarSeriesOption['data'],
      },
    ],
  };
}

const TERMINAL: readonly CaseStatus[] = ['eliminated', 'closed_not_included'];

/** Cases still moving through identification, help or elimination (everything but the two closed states). */
export function activeCases(byStatus: Dashboard['cases']['byStatus']): number {
  return CASE_STATES.filter((s) => !TERMINAL.includes(s)).reduce((sum, s) => sum + countOf(byStatus?.[s]), 0);
}

/** 案件状态: every state in workflow order, closed ones grey; a bar opens the households whose case is in that state. */
export function buildCaseStatusOption(byStatus: Dashboard['cases']['byStatus'], labels: PopulationChartLabels): DashboardChartOption {
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: itemTooltip },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: CASE_STATES.map(labels.caseStatus), axisLabel: LABEL_FONT },
    series: [
      {
        type: 'bar',
        name: labels.households,
        barMaxWidth: 16,
        cursor: 'pointer',
        label: { ...countLabel, position: 'right' },
        data: CASE_STATES.map((s) => item(byStatus?.[s], `case:${s}`, TERMINAL.includes(s) ? COLORS.closed : COLORS.primary)) as BarSeriesOption['data'],
      },
    ],
  };
}

const deadlinePart = (name: string, value: number, metric: DrillMetric, color: string): BarSeriesOption => ({
  type: 'bar',
  name,
  stack: 'deadline',
  barWidth: 26,
  cursor: 'pointer',
  itemStyle: { color },
  label: { show: value > 0, ...LABEL_FONT, color: '#fff', formatter: (p) => (p.data as ClickableItem).text ?? '' },
  data: [item(value, metric)] as BarSeriesOption['data'],
});

/**
 * 办理时限: active cases split into on time, due soon (orange) and overdue (red), one stacked bar, so the red part is
 * what a county chases first. The due-soon and overdue parts open their households.
 */
export function buildDeadlineOption(cases: Dashboard['cases'], labels: PopulationChartLabels): DashboardChartOption {
  const active = activeCases(cases.byStatus);
  const dueSoon = countOf(cases.dueSoon);
  const overdue = countOf(cases.overdue);
  const onTime = Math.max(0, active - dueSoon - overdue);
  return {
    legend: { top: 0, data: [labels.onTime, labels.dueSoon, labels.overdue] },
    grid: { left: 8, right: 16, top: 32, bottom: 4, containLabel: true },
    tooltip: { trigger: 'item', formatter: itemTooltip },
    xAxis: { type: 'value', minInterval: 1, max: Math.max(active, dueSoon + overdue, 1) },
    yAxis: { type: 'category', data: [labels.households], show: false },
    series: [
      deadlinePart(labels.onTime, onTime, 'cases_active', COLORS.onTime),
      deadlinePart(labels.dueSoon, dueSoon, 'cases_due_soon', COLORS.dueSoon),
      deadlinePart(labels.overdue, overdue, 'cases_overdue', COLORS.overdue),
    ],
  };
}

/**
 * 重点群体帮扶计划: per group, households with an open plan, closed out, and none yet (red: to be planned); a segment
 * opens those households of that group.
 */
export function buildFocusOption(focus: Dashboard['focus'], groups: readonly FocusGroup[], labels: PopulationChartLabels): DashboardChartOption {
  const part = (name: string, key: 'plansOpen' | 'plansClosedOut' | 'withoutPlan', metric: DrillMetric, color: string): BarSeriesOption => ({
    type: 'bar',
    name,
    stack: 'plans',
    barMaxWidth: 24,
    cursor: 'pointer',
    itemStyle: { color },
    label: { show: true, ...LABEL_FONT, color: '#fff', formatter: (p) => (typeof p.value === 'number' && p.value > 0 ? ((p.data as ClickableItem).text ?? '') : '') },
    data: groups.map((g) => item(focus?.[g]?.[key], metric, undefined, g)) as BarSeriesOption['data'],
  });
  return {
    legend: { top: 0, data: [labels.plansOpen, labels.plansClosedOut, labels.withoutPlan] },
    grid: { left: 8, right: 16, top: 32, bottom: 4, containLabel: true },
    tooltip: { trigger: 'item', formatter: itemTooltip },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: groups.map(labels.focusGroup), axisLabel: LABEL_FONT },
    series: [
      part(labels.plansOpen, 'plansOpen', 'plans_open', COLORS.primary),
      part(labels.plansClosedOut, 'plansClosedOut', 'plans_closed_out', COLORS.reached),
      part(labels.withoutPlan, 'withoutPlan', 'without_plan', COLORS.overdue),
    ],
  };
}
