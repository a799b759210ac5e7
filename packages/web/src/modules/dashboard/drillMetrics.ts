import { CASE_STATES, DRILL_METRICS, FOCUS_GROUPS, HOUSEHOLD_TYPE, MONITORING_CATEGORY, RISK_TYPES, type DrillMetric, type FocusGroup } from '@zengshou/core';
import { caseLabel } from '../cases/caseLabels';
import type { Language, MessageKey, MessageParams } from '../i18n';
import { focusGroupLabel } from '../focus/focusLabels';
import { enumLabel } from '../registry/enumLabels';
import type { Period } from './dashboardPeriod';

const DASHBOARD_PATH = '/dashboard';
const DRILL_PATH = '/dashboard/households';

type Translate = (key: MessageKey, params?: MessageParams) => string;
type PlainMetric = (typeof DRILL_METRICS)[number];

const PREFIXED: Record<string, readonly string[]> = {
  type: HOUSEHOLD_TYPE.codes,
  category: MONITORING_CATEGORY.codes,
  risk: RISK_TYPES,
  case: CASE_STATES,
  focus: FOCUS_GROUPS,
};

/** A metric from the address bar, checked against the contract; anything else is not a metric. */
export function parseDrillMetric(value: string | null): DrillMetric | null {
  if (!value) return null;
  if ((DRILL_METRICS as readonly string[]).includes(value)) return value as DrillMetric;
  const colon = value.indexOf(':');
  if (colon < 0) return null;
  const codes = PREFIXED[value.slice(0, colon)];
  return codes?.includes(value.slice(colon + 1)) ? (value as DrillMetric) : null;
}

export function parseFocusGroup(value: string | null): FocusGroup | undefined {
  return (FOCUS_GROUPS as readonly (string | null)[]).includes(value) ? (value as FocusGroup) : undefined;
}

const PLAN_METRICS: readonly DrillMetric[] = ['plans_open', 'plans_closed_out', 'without_plan'];

/** What the households behind a figure are, as the list's title says it ("监测户", "风险类型为“因病”的监测户"…). */
export function drillMetricLabel(metric: DrillMetric, t: Translate, language: Language, group?: FocusGroup): string {
  const colon = metric.indexOf(':');
  if (colon < 0) {
    const label = t(`dashboard.metric.${metric as PlainMetric}`);
    return group && PLAN_METRICS.includes(metric) ? t('dashboard.metric.inGroup', { group: focusGroupLabel(group, language), label }) : label;
  }
  const kind = metric.slice(0, colon);
  const code = metric.slice(colon + 1);
  if (kind === 'type') return t('dashboard.metric.type', { label: enumLabel(HOUSEHOLD_TYPE, code as never, language) });
  if (kind === 'category') return t('dashboard.metric.category', { label: enumLabel(MONITORING_CATEGORY, code as never, language) });
  if (kind === 'risk') return t('dashboard.metric.risk', { label: caseLabel('risk', code, language) });
  if (kind === 'case') return t('dashboard.metric.case', { label: caseLabel('status', code, language) });
  return t('dashboard.metric.focus', { label: focusGroupLabel(code as (typeof FOCUS_GROUPS)[number], language) });
}

export interface DrillTarget extends Period {
  region: string;
  metric: DrillMetric;
  group?: FocusGroup;
}

/** The household list behind one dashboard figure. */
export function drillPath({ region, year, quarter, metric, group }: DrillTarget, page?: number): string {
  const search = new URLSearchParams({ region, year: String(year), quarter: String(quarter), metric });
  if (group && PLAN_METRICS.includes(metric)) search.set('group', group);
  if (page && page > 1) search.set('page', String(page));
  return `${DRILL_PATH}?${search.toString()}`;
}

/** The dashboard of a region and period (the region is the app's current region; the period is in the URL). */
export function dashboardPath(period: Period): string {
  return `${DASHBOARD_PATH}?year=${period.year}&quarter=${period.quarter}`;
}
