import { describe, expect, it } from 'vitest';
import { DEFAULT_WARNING_CONFIG, WARNING_RULE_CATALOGUE, WARNING_RULE_IDS } from '@zengshou/core';
import { configToValues, formFieldOf, formPathOf, thresholdText, valuesToConfig, warningRuleDescription } from './warningRulesForm';

describe('warning-rule settings form', () => {
  it('shows percentages as they are, fen as yuan, every rule on with weight 1', () => {
    const values = configToValues(DEFAULT_WARNING_CONFIG);
    expect(values).toMatchObject({ marginPct: 10, fallPct: 10, partFallPct: 20, partFallMinYuan: 500, focusThresholdYuan: 10_000 });
    expect(Object.keys(values.enabled)).toEqual([...WARNING_RULE_IDS]);
    expect(Object.values(values.enabled).every(Boolean)).toBe(true);
    expect(Object.values(values.weights).every((w) => w === 1)).toBe(true);
  });

  it('fills what a stored config leaves out from the defaults', () => {
    const values = configToValues({ marginPct: 12.5, enabled: { no_labour: false }, weights: { below_line: 1.5 } });
    expect(values.marginPct).toBe(12.5);
    expect(values.fallPct).toBe(10);
    expect(values.focusThresholdYuan).toBe(10_000);
    expect(values.enabled.no_labour).toBe(false);
    expect(values.enabled.below_line).toBe(true);
    expect(values.weights.below_line).toBe(1.5);
    expect(values.weights.near_line).toBe(1);
  });

  it('round-trips to fen exactly, spelling out switches and keeping only weights other than 1', () => {
    const values = configToValues(DEFAULT_WARNING_CONFIG);
    const result = valuesToConfig({
      ...values,
      fallPct: 15,
      partFallMinYuan: 650.3,
      focusThresholdYuan: 12_000.01,
      enabled: { ...values.enabled, part_fell: false },
      weights: { ...values.weights, near_line: 0, below_line: null, focus_low_income: 2 },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toEqual({
      marginPct: 10,
      fallPct: 15,
      partFallPct: 20,
      partFallMinFen: 65_030,
      focusThresholdFen: 1_200_001,
      enabled: { ...Object.fromEntries(WARNING_RULE_IDS.map((id) => [id, true])), part_fell: false },
      weights: { near_line: 0, focus_low_income: 2 },
    });
    expect(configToValues(result.config)).toEqual({ ...values, fallPct: 15, partFallMinYuan: 650.3, focusThresholdYuan: 12_000.01,
      enabled: { ...values.enabled, part_fell: false }, weights: { ...values.weights, near_line: 0, focus_low_income: 2 } });
    const plain = valuesToConfig(values);
    expect(plain.ok && 'weights' in plain.config).toBe(false);
  });

  it('reports the core schema’s Chinese messages under the form fields', () => {
    const values = configToValues(DEFAULT_WARNING_CONFIG);
    expect(valuesToConfig({ ...values, marginPct: 120 })).toEqual({ ok: false, issues: [{ path: ['marginPct'], message: '接近监测线幅度不能超过 100%' }] });
    expect(valuesToConfig({ ...values, weights: { ...values.weights, no_labour: 12 } })).toEqual({
      ok: false, issues: [{ path: ['weights', 'no_labour'], message: '权重不能超过 10' }],
    });
    const empty = valuesToConfig({ ...values, fallPct: null, focusThresholdYuan: null, partFallMinYuan: 1.234 }, { amount: '金额不正确', pct: '幅度不正确' });
    expect(empty).toEqual({
      ok: false,
      issues: [
        { path: ['fallPct'], message: '幅度不正确' },
        { path: ['partFallMinYuan'], message: '金额不正确' },
        { path: ['focusThresholdYuan'], message: '金额不正确' },
      ],
    });
    expect(valuesToConfig({ ...values, focusThresholdYuan: -1 }, { amount: '金额不正确' })).toMatchObject({ ok: false, issues: [{ path: ['focusThresholdYuan'] }] });
  });

  it('maps config paths (schema or server) to the fields that edit them', () => {
    expect(formPathOf(['focusThresholdFen'])).toEqual(['focusThresholdYuan']);
    expect(formPathOf(['partFallMinFen'])).toEqual(['partFallMinYuan']);
    expect(formPathOf(['weights', 'near_line'])).toEqual(['weights', 'near_line']);
    for (const rule of WARNING_RULE_CATALOGUE) for (const p of rule.parameters) expect(formFieldOf(p)).not.toMatch(/Fen$/);
  });

  it('shows a rule’s thresholds and an English description of every rule', () => {
    expect(thresholdText('marginPct', 12.5, '元')).toBe('12.5%');
    expect(thresholdText('focusThresholdYuan', 12000, '元')).toBe('12,000 元');
    expect(thresholdText('partFallMinYuan', null, '元')).toBe('—');
    for (const rule of WARNING_RULE_CATALOGUE) {
      expect(warningRuleDescription(rule.id, rule.description, 'en')).not.toBe(rule.description);
      expect(warningRuleDescription(rule.id, rule.description, 'zh-CN')).toBe(rule.description);
    }
  });
});
