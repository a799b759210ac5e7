import { describe, expect, it } from 'vitest';
import { effectiveGrowthRate, grownFen, growthRateOf, incomeTargetBodySchema, resolveTarget, sameTargetValues, targetShares } from './income-targets.ts';

// Seed 004, Weixi 2022 column: 16,339.46 = business 5,787.44 + wage 8,169.73 + property 591.49 + transfer 1,790.80.
const weixi2022 = {
  perCapitaNetFen: 1_633_946,
  partsFen: { wage: 816_973, business: 578_744, property: 59_149, transfer: 179_080 },
  growthRate: 0.18,
  version: 0,
};
const messages = (input: unknown) => incomeTargetBodySchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];
const none = { wage: null, business: null, property: null, transfer: null };

describe('incomeTargetBodySchema', () => {
  it('accepts the seed table as printed and fills defaults', () => {
    const parsed = incomeTargetBodySchema.parse(weixi2022);
    expect(parsed).toEqual({ ...weixi2022, base: false, source: null, note: null });
  });

  it('refuses with Chinese messages', () => {
    expect(messages({ ...weixi2022, perCapitaNetFen: 0 })).toContain('人均纯收入必须大于 0');
    expect(messages({ ...weixi2022, perCapitaNetFen: 12.5 })).toContain('请填写人均纯收入（以分为单位的整数）');
    expect(messages({ ...weixi2022, regionCode: '533423' })).toEqual(['Unrecognized key: "regionCode"']);
    expect(messages({ ...weixi2022, partsFen: { ...weixi2022.partsFen, wage: -1 } })).toContain('工资性收入不能为负数');
    expect(messages({ ...weixi2022, growthRate: -1 })).toContain('增速应在 -100% 至 1000% 之间');
    expect(messages({ ...weixi2022, note: 'x'.repeat(501) })).toContain('备注不能超过 500 个字符');
    expect(messages({ ...weixi2022, extra: 1 }).length).toBe(1);
  });

  it('lets business net of costs be negative', () => {
    const parts = { wage: 900_000, business: -50_000, property: 50_000, transfer: 100_000 };
    expect(messages({ ...weixi2022, perCapitaNetFen: 1_000_000, partsFen: parts })).toEqual([]);
  });

  it('refuses parts that miss the per-capita figure by more than a yuan, and accepts within a yuan', () => {
    // 2024 column: the parts add up to 22,751.07 and the per-capita figure is 22,751.06 — a fen apart, accepted.
    const y2024 = { ...weixi2022, perCapitaNetFen: 2_275_106, partsFen: { wage: 910_043, business: 1_084_543, property: 75_761, transfer: 204_760 } };
    expect(messages(y2024)).toEqual([]);
    expect(messages({ ...y2024, perCapitaNetFen: 2_274_906 })).toEqual(['四项收入合计 22,751.07 元，与人均纯收入 22,749.06 元 相差超过 1 元']);
  });

  it('refuses entered parts that already exceed the total when business is among them', () => {
    expect(messages({ ...weixi2022, partsFen: { ...none, wage: 1_000_000, business: 700_000 } })).toEqual([
      '已填分项合计 17,000.00 元，超过人均纯收入 16,339.46 元',
    ]);
  });
});

describe('resolveTarget', () => {
  it('converts a share entered instead of an amount', () => {
    // Seed 000: 55.3 % of 25,185 yuan is 13,927.305 → 13,927.31 yuan.
    const r = resolveTarget({ perCapitaNetFen: 2_518_500, partsFen: none, partShares: { ...none, wage: 0.553 } });
    expect(r.problems).toEqual([]);
    expect(r.partsFen).toEqual({ ...none, wage: 1_392_731 });
  });

  it('accepts an amount and a share that agree to the printed precision', () => {
    const r = resolveTarget({ perCapitaNetFen: 1_633_946, partsFen: weixi2022.partsFen, partShares: { wage: 0.5, business: 0.3542, property: 0.0362, transfer: 0.1096 } });
    expect(r.problems).toEqual([]);
  });

  it('refuses an amount and a share that disagree, and shares not summing to 100 %', () => {
    const r = resolveTarget({ perCapitaNetFen: 1_633_946, partsFen: none, partShares: { wage: 0.5, business: 0.4, property: 0.05, transfer: 0.1 } });
    expect(r.problems.map((p) => p.message)).toContain('四项收入占比合计 105.00%，应为 100%');
    const d = resolveTarget({ perCapitaNetFen: 1_000_000, partsFen: { ...none, wage: 500_000 }, partShares: { ...none, wage: 0.4 } });
    expect(d.problems).toEqual([{ path: ['partShares', 'wage'], message: '工资性收入 5,000.00 元 占人均纯收入的 50.00%，与填写的占比 40.00% 不一致' }]);
  });
});

describe('shares and growth', () => {
  it('derives each share from the amounts', () => {
    const s = targetShares(1_633_946, weixi2022.partsFen);
    // Seed 004 prints 50 / 35.42 / 3.62 / 10.96 %.
    expect(s.wage).toBeCloseTo(0.5, 4);
    expect(s.business).toBeCloseTo(0.3542, 4);
    expect(s.property).toBeCloseTo(0.0362, 4);
    expect(s.transfer).toBeCloseTo(0.1096, 4);
    expect(targetShares(1_000_000, { ...none, wage: 400_000 })).toEqual({ ...none, wage: 0.4 });
  });

  it('derives growth from the previous year, and prefers the stated rate', () => {
    expect(growthRateOf(1_633_946, 1_384_700)).toBeCloseTo(0.18, 6);
    expect(growthRateOf(1_633_946, null)).toBeNull();
    expect(growthRateOf(1_633_946, 0)).toBeNull();
    expect(effectiveGrowthRate(0.1, 2_518_500, null)).toBe(0.1);
    expect(effectiveGrowthRate(null, 1_633_946, 1_384_700)).toBeCloseTo(0.18, 6);
  });

  it('grows a figure the way seed 004 builds its row', () => {
    expect(grownFen(1_384_700, 0.18)).toBe(1_633_946);
    expect(grownFen(1_633_946, 0.18)).toBe(1_928_056);
    expect(grownFen(1_928_056, 0.18)).toBe(2_275_106);
  });

  it('compares stored values', () => {
    const { version: _v, ...parsed } = incomeTargetBodySchema.parse(weixi2022);
    const values = { ...parsed, regionCode: '533423', year: 2022 };
    expect(sameTargetValues(values, { ...values })).toBe(true);
    expect(sameTargetValues(values, { ...values, note: '改' })).toBe(false);
    expect(sameTargetValues(values, { ...values, partsFen: { ...values.partsFen, wage: 1 } })).toBe(false);
    expect(sameTargetValues(values, { ...values, year: 2023 })).toBe(false);
    expect(sameTargetValues(values, { ...values, growthRate: 0.180001 })).toBe(true);
  });
});
