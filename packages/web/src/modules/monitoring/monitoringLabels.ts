import { LINE_METHOD_LABELS, WARNING_RULES, type LineMethod, type WarningRuleId } from '@zengshou/core';
import type { Language } from '../i18n';

/** English renderings; the Chinese titles are @zengshou/core's (the same words the warnings carry). */
const RULE_EN: Record<WarningRuleId, string> = {
  below_line: 'Per-capita income below the monitoring line',
  near_line: 'Per-capita income close to the monitoring line',
  income_fell: 'Per-capita income fell against the same period last year',
  part_fell: 'An income part fell markedly against last year',
  rigid_spending: 'Large rigid spending; below the line after it',
  no_labour: 'No one in the household can work',
  problem_flags: 'Schooling, medical, housing or water problems',
  focus_low_income: 'Per-capita income below the focus threshold',
};

const METHOD_EN: Record<LineMethod, string> = {
  factors: 'From CPI, rural income and dibao growth',
  dibao_multiple: 'Multiple of the rural dibao standard',
  manual: 'Set directly',
};

const RULE_ZH = new Map<string, string>(WARNING_RULES.map((rule) => [rule.id, rule.title]));

/** A rule's title in the UI language; an id this build does not know is shown as is. */
export function warningRuleTitle(ruleId: string, language: Language): string {
  if (language === 'en' && ruleId in RULE_EN) return RULE_EN[ruleId as WarningRuleId];
  return RULE_ZH.get(ruleId) ?? ruleId;
}

export function lineMethodLabel(method: string, language: Language): string {
  if (!(method in LINE_METHOD_LABELS)) return method;
  return language === 'en' ? METHOD_EN[method as LineMethod] : LINE_METHOD_LABELS[method as LineMethod];
}
