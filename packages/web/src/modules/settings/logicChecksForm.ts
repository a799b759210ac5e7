import {
  DEFAULT_LOGIC_CHECK_CONFIG,
  LOGIC_CHECK_RULES,
  logicCheckConfigSchema,
  yuanToFen,
  type LogicCheckConfig,
  type LogicCheckRuleId,
  type LogicCheckSeverity,
} from '@zengshou/core';
import type { Language, MessageKey } from '../i18n';

/** Amount thresholds: stored in fen (annual), edited in yuan. */
export const AMOUNT_FIELDS = ['perCapitaMin', 'wageMinPositive', 'wageMax', 'dibaoMin', 'familyPlanningMin', 'pensionMin', 'absurdItemMax'] as const;
export type AmountField = (typeof AMOUNT_FIELDS)[number];
export const AGE_FIELDS = ['schoolAgeMin', 'schoolAgeMax'] as const;
export type AgeField = (typeof AGE_FIELDS)[number];

export const fieldLabelKey = (field: AmountField | AgeField) => `logicChecks.field.${field}` as MessageKey;
export const fieldHelpKey = (field: AmountField | AgeField) => `logicChecks.field.${field}Help` as MessageKey;

export type LogicChecksFormValues = Record<AmountField, number | null> &
  Record<AgeField, number | null> & {
    enabled: Record<LogicCheckRuleId, boolean>;
    severity: Record<LogicCheckRuleId, LogicCheckSeverity>;
  };

const DEFAULT_SEVERITY = new Map(LOGIC_CHECK_RULES.map((rule) => [rule.id, rule.severity]));

/** Stored config → form values: yuan, and every rule's switch and severity spelled out. */
export function configToValues(stored: Partial<LogicCheckConfig>): LogicChecksFormValues {
  const config = { ...DEFAULT_LOGIC_CHECK_CONFIG, ...stored };
  const values = {
    enabled: Object.fromEntries(LOGIC_CHECK_RULES.map((rule) => [rule.id, config.enabled?.[rule.id] !== false])),
    severity: Object.fromEntries(LOGIC_CHECK_RULES.map((rule) => [rule.id, config.severity?.[rule.id] ?? rule.severity])),
  } as LogicChecksFormValues;
  for (const field of AMOUNT_FIELDS) values[field] = config[field] / 100;
  for (const field of AGE_FIELDS) values[field] = config[field];
  return values;
}

export type ConfigResult = { ok: true; config: LogicCheckConfig } | { ok: false; issues: { path: PropertyKey[]; message: string }[] };

/**
 * Form values → the config the server stores, checked by the core's schema (the same Chinese messages as the
 * server). Severities equal to a rule's own are left out, so a later change of a rule's default still applies.
 */
export function valuesToConfig(values: LogicChecksFormValues, amountMessage = '请输入不小于 0 的金额，最多两位小数'): ConfigResult {
  const issues: { path: PropertyKey[]; message: string }[] = [];
  const config: Record<string, unknown> = {};
  for (const field of AMOUNT_FIELDS) {
    const value = values[field];
    try {
      if (value === null || value === undefined) throw new Error('empty');
      const fen = yuanToFen(value);
      if (fen < 0) throw new Error('negative');
      config[field] = fen;
    } catch {
      issues.push({ path: [field], message: amountMessage });
    }
  }
  for (const field of AGE_FIELDS) config[field] = values[field];
  config.enabled = Object.fromEntries(LOGIC_CHECK_RULES.map((rule) => [rule.id, values.enabled?.[rule.id] !== false]));
  const changed = LOGIC_CHECK_RULES.filter((rule) => values.severity?.[rule.id] && values.severity[rule.id] !== DEFAULT_SEVERITY.get(rule.id));
  if (changed.length) config.severity = Object.fromEntries(changed.map((rule) => [rule.id, values.severity[rule.id]]));
  if (issues.length) return { ok: false, issues };
  const parsed = logicCheckConfigSchema.safeParse(config);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: [...i.path], message: i.message })) };
  return { ok: true, config: parsed.data as LogicCheckConfig };
}

const RULE_EN: Record<LogicCheckRuleId, string> = {
  per_capita_low: 'Per-capita net income too low, or no members',
  poverty_exit_below_line_unmonitored: 'Lifted-out household below the line but not monitored',
  wage_out_of_range: 'Wage income out of range',
  business_without_cost: 'Business income without business costs',
  eco_compensation_without_forest: 'Ecological compensation without grain-for-green land',
  dibao_too_small: 'Dibao amount too small',
  family_planning_too_small: 'Family-planning award too small',
  pension_too_small: 'Pension too small',
  item_absurd: 'Single amount implausibly large',
  cumulative_decrease: 'Year-to-date figures must not decrease',
  child_out_of_school: 'Compulsory-school child out of school without a reason',
  student_as_labour: 'Student recorded as labour',
};

/** A rule's title: the core's Chinese one, or its English rendering. */
export function logicRuleTitle(id: LogicCheckRuleId, title: string, language: Language): string {
  return language === 'en' ? (RULE_EN[id] ?? title) : title;
}
