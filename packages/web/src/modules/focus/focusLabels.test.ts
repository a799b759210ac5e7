import { describe, expect, it } from 'vitest';
import { MEASURE_CATEGORIES, PLAN_STATUSES } from '@zengshou/core';
import { focusGroupLabel, measureCategoryLabel, partLabel, planStatusColor, planStatusLabel } from './focusLabels';

describe('plan status labels', () => {
  it('reads 未制定 / 帮扶中 / 已销号 / 已重新纳入 in Chinese', () => {
    expect([null, ...PLAN_STATUSES].map((s) => planStatusLabel(s, 'zh-CN'))).toEqual(['未制定', '帮扶中', '已销号', '已重新纳入']);
    expect(planStatusLabel(undefined, 'zh-CN')).toBe('未制定');
  });

  it('has an English rendering and a colour for every status, all different', () => {
    const en = [null, ...PLAN_STATUSES].map((s) => planStatusLabel(s, 'en'));
    expect(new Set(en).size).toBe(4);
    expect(en.every((t) => /^[A-Z]/.test(t))).toBe(true);
    const colours = [null, ...PLAN_STATUSES].map((s) => planStatusColor(s));
    expect(new Set(colours).size).toBe(4);
    expect(planStatusColor('closed_out')).toBe('success');
  });
});

describe('group, part and measure labels', () => {
  it('names the two ledgers as the seeds do', () => {
    expect(focusGroupLabel('low_income', 'zh-CN')).toBe('人均纯收入1万元以下');
    expect(focusGroupLabel('income_fell', 'zh-CN')).toBe('人均纯收入下降');
    expect(focusGroupLabel('income_fell', 'en')).toBe('Income fell');
  });

  it('labels the four parts and every national measure category in both languages', () => {
    expect(partLabel('business', 'zh-CN')).toBe('经营净收入');
    for (const c of MEASURE_CATEGORIES) {
      expect(measureCategoryLabel(c, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
      expect(measureCategoryLabel(c, 'en')).toMatch(/^[A-Z]/);
    }
    expect(measureCategoryLabel(null, 'zh-CN')).toBe('');
    expect(measureCategoryLabel('unknown', 'en')).toBe('unknown');
  });
});
