import { describe, expect, it } from 'vitest';
import { WARNING_RULE_IDS } from '@zengshou/core';
import { lineMethodLabel, warningRuleTitle } from './monitoringLabels';

describe('monitoring labels', () => {
  it('has a Chinese and an English title for every rule', () => {
    for (const id of WARNING_RULE_IDS) {
      expect(warningRuleTitle(id, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
      expect(warningRuleTitle(id, 'en')).toMatch(/^[A-Z]/);
    }
    expect(warningRuleTitle('below_line', 'zh-CN')).toBe('人均纯收入低于监测线');
    expect(warningRuleTitle('unknown_rule', 'zh-CN')).toBe('unknown_rule');
  });

  it('names the line methods', () => {
    expect(lineMethodLabel('dibao_multiple', 'zh-CN')).toBe('按农村低保标准倍数测算');
    expect(lineMethodLabel('manual', 'en')).toBe('Set directly');
    expect(lineMethodLabel('other', 'zh-CN')).toBe('other');
  });
});
