import { describe, expect, it } from 'vitest';
import { DEFAULT_LOGIC_CHECK_CONFIG, LOGIC_CHECK_RULES } from '@zengshou/core';
import { configToValues, logicRuleTitle, valuesToConfig } from './logicChecksForm';

describe('logic-check settings form', () => {
  it('shows fen as yuan and every rule on with its own severity', () => {
    const values = configToValues(DEFAULT_LOGIC_CHECK_CONFIG);
    expect(values.perCapitaMin).toBe(4000);
    expect(values.pensionMin).toBe(88);
    expect(values.schoolAgeMax).toBe(16);
    expect(Object.values(values.enabled).every(Boolean)).toBe(true);
    expect(values.severity.per_capita_low).toBe('error');
    expect(values.severity.dibao_too_small).toBe('warning');
  });

  it('round-trips to fen, keeping only changed severities', () => {
    const values = configToValues({ ...DEFAULT_LOGIC_CHECK_CONFIG, enabled: { wage_out_of_range: false } });
    expect(values.enabled.wage_out_of_range).toBe(false);
    const result = valuesToConfig({ ...values, dibaoMin: 250.5, severity: { ...values.severity, item_absurd: 'warning' } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.dibaoMin).toBe(25_050);
    expect(result.config.perCapitaMin).toBe(400_000);
    expect(result.config.enabled.wage_out_of_range).toBe(false);
    expect(result.config.enabled.per_capita_low).toBe(true);
    expect(result.config.severity).toEqual({ item_absurd: 'warning' });
  });

  it('reports the core schema problems under their fields', () => {
    const values = configToValues(DEFAULT_LOGIC_CHECK_CONFIG);
    const result = valuesToConfig({ ...values, wageMinPositive: 5000, wageMax: 100 });
    expect(result).toEqual({ ok: false, issues: [{ path: ['wageMax'], message: '工资性收入下限不能高于上限' }] });
    const empty = valuesToConfig({ ...values, pensionMin: null }, '金额不正确');
    expect(empty).toEqual({ ok: false, issues: [{ path: ['pensionMin'], message: '金额不正确' }] });
  });

  it('has an English title for every rule', () => {
    for (const rule of LOGIC_CHECK_RULES) expect(logicRuleTitle(rule.id, rule.title, 'en')).not.toBe(rule.title);
    expect(logicRuleTitle('item_absurd', '单项金额过大', 'zh-CN')).toBe('单项金额过大');
  });
});
