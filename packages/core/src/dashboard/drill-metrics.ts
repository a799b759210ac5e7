import { CASE_STATES, RISK_TYPES } from '../cases/case-workflow.ts';
import { FOCUS_GROUPS } from '../focus/focus-groups.ts';
import { HOUSEHOLD_TYPE, MONITORING_CATEGORY } from '../registry/registry-enums.ts';
import { DRILL_METRICS, type DrillMetric } from './dashboard-contract.ts';

/** Every drill-down metric there is, the plain ones and one per household type, category, risk, case state and group. */
export const ALL_DRILL_METRICS: readonly DrillMetric[] = [
  ...DRILL_METRICS,
  ...HOUSEHOLD_TYPE.codes.map((t) => `type:${t}` as const),
  ...MONITORING_CATEGORY.codes.map((c) => `category:${c}` as const),
  ...RISK_TYPES.map((r) => `risk:${r}` as const),
  ...CASE_STATES.map((s) => `case:${s}` as const),
  ...FOCUS_GROUPS.map((g) => `focus:${g}` as const),
];

const known = new Set<string>(ALL_DRILL_METRICS);

export function isDrillMetric(s: string): s is DrillMetric {
  return known.has(s);
}
