import {
  DEFAULT_WARNING_CONFIG,
  WARNING_RULE_IDS,
  warningConfigSchema,
  yuanToFen,
  type WarningConfig,
  type WarningRuleId,
  type WarningThresholdField,
} from '@zengshou/core';
import type { Language, MessageKey } from '../i18n';

/** Percentages are stored as percent numbers (10 = 10 %) and edited as such. */
export const PCT_FIELDS = ['marginPct', 'fallPct', 'partFallPct'] as const;
export type PctField = (typeof PCT_FIELDS)[number];

/**
 * Amounts are stored in fen and edited in yuan; the form names say yuan so nobody types fen into them.
 * partFallMin is per household and year (a part's fall, annualised), focusThreshold per person and year.
 */
export const YUAN_FIELDS = ['partFallMinYuan', 'focusThresholdYuan'] as const;
export type YuanField = (typeof YUAN_FIELDS)[number];

const FEN_FIELD: Record<YuanField, 'partFallMinFen' | 'focusThresholdFen'> = {
  partFallMinYuan: 'partFallMinFen',
  focusThresholdYuan: 'focusThresholdFen',
};
const YUAN_FIELD: Record<'partFallMinFen' | 'focusThresholdFen', YuanField> = {
  partFallMinFen: 'partFallMinYuan',
  focusThresholdFen: 'focusThresholdYuan',
};

export type ThresholdFormField = PctField | YuanField;

export const warningFieldLabelKey = (field: ThresholdFormField) => `warningSettings.field.${field}` as MessageKey;
export const warningFieldHelpKey = (field: ThresholdFormField) => `warningSettings.field.${field}Help` as MessageKey;

/** The form field that edits a config field (the catalogue names config fields). */
export function formFieldOf(field: WarningThresholdField): ThresholdFormField {
  return field === 'partFallMinFen' || field === 'focusThresholdFen' ? YUAN_FIELD[field] : field;
}

export type WarningRulesFormValues = Record<PctField, number | null> &
  Record<YuanField, number | null> & {
    enabled: Record<WarningRuleId, boolean>;
    /** Blank = 1 (as designed). */
    weights: Record<WarningRuleId, number | null>;
  };

/** Stored config → form values: yuan for amounts, every rule's switch and weight spelled out. */
export function configToValues(stored: Partial<WarningConfig>): WarningRulesFormValues {
  const config = { ...DEFAULT_WARNING_CONFIG, ...stored };
  const values = {
    enabled: Object.fromEntries(WARNING_RULE_IDS.map((id) => [id, config.enabled?.[id] !== false])),
    weights: Object.fromEntries(WARNING_RULE_IDS.map((id) => [id, config.weights?.[id] ?? 1])),
  } as WarningRulesFormValues;
  for (const field of PCT_FIELDS) values[field] = config[field];
  for (const field of YUAN_FIELDS) {
    const fen = config[FEN_FIELD[field]];
    values[field] = fen === undefined ? null : fen / 100;
  }
  return values;
}

export interface FormIssue {
  path: PropertyKey[];
  message: string;
}
export type WarningConfigResult = { ok: true; config: WarningConfig } | { ok: false; issues: FormIssue[] };

/** A config path (from the core's schema or the server's `/config/...`) → the form field showing it. */
export function formPathOf<T extends PropertyKey>(path: readonly T[]): (T | YuanField)[] {
  const [head, ...rest] = path;
  if (head === 'partFallMinFen' || head === 'focusThresholdFen') return [YUAN_FIELD[head as 'partFallMinFen' | 'focusThresholdFen'], ...rest];
  return [...path];
}

/**
 * Form values → the config the server stores, checked by the core's schema (the same Chinese messages as the
 * server). Every switch is spelled out; weights of 1 (or blank) are left out, so "as designed" stays the default.
 */
export function valuesToConfig(
  values: WarningRulesFormValues,
  messages: { amount?: string; pct?: string } = {},
): WarningConfigResult {
  const amountMessage = messages.amount ?? '请输入不小于 0 的金额，最多两位小数';
  const pctMessage = messages.pct ?? '请输入 0–100 之间的百分数';
  const issues: FormIssue[] = [];
  const config: Record<string, unknown> = {};
  for (const field of PCT_FIELDS) {
    const value = values[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) issues.push({ path: [field], message: pctMessage });
    else config[field] = value;
  }
  for (const field of YUAN_FIELDS) {
    const value = values[field];
    try {
      if (value === null || value === undefined) throw new Error('empty');
      const fen = yuanToFen(value);
      if (fen < 0) throw new Error('negative');
      config[FEN_FIELD[field]] = fen;
    } catch {
      issues.push({ path: [field], message: amountMessage });
    }
  }
  config.enabled = Object.fromEntries(WARNING_RULE_IDS.map((id) => [id, values.enabled?.[id] !== false]));
  const weighted = WARNING_RULE_IDS.filter((id) => {
    const w = values.weights?.[id];
    return w !== null && w !== undefined && w !== 1;
  });
  if (weighted.length) config.weights = Object.fromEntries(weighted.map((id) => [id, values.weights[id]]));
  if (issues.length) return { ok: false, issues };
  const parsed = warningConfigSchema.safeParse(config);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: formPathOf(i.path), message: i.message })) };
  return { ok: true, config: parsed.data as WarningConfig };
}

/** A threshold as the rules table shows it next to a rule: "10%" or "10,000 元". */
export function thresholdText(field: ThresholdFormField, value: number | null | undefined, yuanUnit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if ((PCT_FIELDS as readonly string[]).includes(field)) return `${value}%`;
  return `${value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} ${yuanUnit}`;
}

const DESCRIPTION_EN: Record<WarningRuleId, string> = {
  below_line: 'Per-capita net income of the latest valid record (year-to-date scaled to a year) is below the year’s monitoring line, set per region and year under Monitoring lines.',
  near_line: 'Per-capita net income is at or above the line but by less than the “near the line” margin (10 % = within 1.1 × the line).',
  income_fell: 'Per-capita net income fell by at least the “income fall” percentage against the same quarter last year.',
  part_fell: 'Wage, net business, property or transfer income fell by at least the “part fall” percentage and by at least the “part fall minimum” over a year.',
  rigid_spending: 'Per-capita net income is at or above the line but below it after compliant out-of-pocket medical and schooling spending.',
  no_labour: 'No member has normal or skilled labour capacity; needs no income record.',
  problem_flags: 'Unsafe housing or water, a compulsory-school child out of school, or a member without basic medical insurance; needs no income record.',
  focus_low_income: 'Per-capita net income is below the focus threshold (usually 10,000 yuan): a one-household plan is due.',
};

/** What a rule checks: the server's Chinese text, or its English rendering. */
export function warningRuleDescription(id: WarningRuleId, description: string, language: Language): string {
  return language === 'en' ? (DESCRIPTION_EN[id] ?? description) : description;
}
