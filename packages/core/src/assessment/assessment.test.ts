import { describe, expect, it } from 'vitest';
import { assessmentRulesSchema, DEFAULT_ASSESSMENT_RULES, type AssessmentRules } from './assessment-rules.ts';
import { scoreRegions, type AssessedRegion } from './assessment-score.ts';

// A city whose households with falling business income are 10.00 % of all comparable households.
const city = { level: 'city' as const, values: { business_fell_share: 0.1 } };
const counties: AssessedRegion[] = [
  { code: '530301', name: '甲县', values: { business_fell_share: 0.125 } },
  { code: '530302', name: '乙县', values: { business_fell_share: 0.1 } },
  { code: '530303', name: '丙县', values: { business_fell_share: 0.08 } },
  { code: '530304', name: '丁县', values: { business_fell_share: 0.1537 } },
  { code: '530305', name: '戊县', values: { business_fell_share: null } },
];
const byCode = (scores: ReturnType<typeof scoreRegions>) => Object.fromEntries(scores.map((s) => [s.code, s]));

describe('seed 002: −0.5 points per percentage point above the city', () => {
  const scores = scoreRegions(DEFAULT_ASSESSMENT_RULES, counties, city);
  const s = byCode(scores);

  it('deducts by the gap in percentage points', () => {
    // 12.50 − 10.00 = 2.50 points above → 2.50 × 0.5 = 1.25.
    expect(s['530301']!.total).toBe(98.75);
    expect(s['530301']!.items[0]!.points).toBe(-1.25);
    expect(s['530301']!.items[0]!.explanation).toBe('生产经营性收入下降户占比 12.50%，高于全市 10.00% 2.50 个百分点，每高于 1 个百分点扣 0.5 分，扣 1.25 分');
    // 15.37 − 10.00 = 5.37 → 2.685, printed and counted as 2.69.
    expect(s['530304']!.total).toBe(97.31);
  });

  it('takes nothing off at or below the city, or without data', () => {
    expect(s['530302']!.total).toBe(100);
    expect(s['530303']!.total).toBe(100);
    expect(s['530303']!.items[0]!.explanation).toBe('生产经营性收入下降户占比 8.00%，不高于全市 10.00%，不扣分');
    expect(s['530305']!.total).toBe(100);
    expect(s['530305']!.items[0]!.explanation).toContain('无可比数据');
  });

  it('ranks best first and lets equal totals share a rank', () => {
    expect(scores.map((x) => [x.code, x.rank])).toEqual([
      ['530302', 1], ['530303', 1], ['530305', 1], ['530301', 4], ['530304', 5],
    ]);
  });
});

describe('other ways of scoring', () => {
  it('compares with the plain mean of the counties when the rule says so', () => {
    const rules: AssessmentRules = { baseScore: 100, rules: [{ ...DEFAULT_ASSESSMENT_RULES.rules[0]!, reference: 'children_mean' } as AssessmentRules['rules'][number]] };
    // (12.50 + 10.00 + 8.00 + 15.37) ÷ 4 = 11.4675 → 11.47 %; 甲 1.03 points above → 0.515 → 0.52; 丁 3.90 → 1.95.
    const s = byCode(scoreRegions(rules, counties, city));
    expect(s['530301']!.total).toBe(99.48);
    expect(s['530304']!.total).toBe(98.05);
    expect(s['530301']!.items[0]!.explanation).toContain('高于各参评地区平均 11.47% 1.03 个百分点');
  });

  it('counts whole percentage points only, and caps a rule', () => {
    const rule = { method: 'per_point_vs_reference', indicator: 'business_fell_share', worseWhen: 'above', reference: 'parent', pointsPerPoint: 0.5, counting: 'whole_points', maxDeduction: null } as const;
    // 丁 5.37 points above → 5 whole points → 2.5.
    expect(byCode(scoreRegions({ baseScore: 100, rules: [rule] }, counties, city))['530304']!.total).toBe(97.5);
    // A cap of 2 stops it at 2.
    const cappedScore = byCode(scoreRegions({ baseScore: 100, rules: [{ ...rule, maxDeduction: 2 }] }, counties, city))['530304']!;
    expect(cappedScore.total).toBe(98);
    expect(cappedScore.items[0]!.explanation).toContain('达到上限，扣 2 分');
  });

  it('penalises growth below the reference', () => {
    const rules: AssessmentRules = { baseScore: 0, rules: [{ method: 'per_point_vs_reference', indicator: 'growth_rate', worseWhen: 'below', reference: 'parent', pointsPerPoint: 1, counting: 'exact', maxDeduction: null }] };
    const regions: AssessedRegion[] = [
      { code: '1', name: '甲', values: { growth_rate: 0.062 } },
      { code: '2', name: '乙', values: { growth_rate: 0.11 } },
    ];
    // Parent grew 10.00 %: 甲 6.20 % is 3.80 points below → −3.8; 乙 is above → 0.
    const s = byCode(scoreRegions(rules, regions, { level: 'county', values: { growth_rate: 0.1 } }));
    expect(s['1']!.total).toBe(-3.8);
    expect(s['1']!.items[0]!.explanation).toBe('人均纯收入同比增幅 6.20%，低于全县 10.00% 3.80 个百分点，每低于 1 个百分点扣 1 分，扣 3.8 分');
    expect(s['2']!.total).toBe(0);
  });

  it('adds for a target reached, takes off for one missed, and counts overdue cases', () => {
    const rules: AssessmentRules = {
      baseScore: 100,
      rules: [
        { method: 'threshold', indicator: 'target_reached', threshold: 1, bonus: 1, penalty: 2 },
        { method: 'per_item', indicator: 'cases_overdue', pointsPerItem: 0.2, maxDeduction: 0.5 },
      ],
    };
    const regions: AssessedRegion[] = [
      { code: '1', name: '甲', values: { target_reached: 1.02, cases_overdue: 2 } },
      { code: '2', name: '乙', values: { target_reached: 0.95, cases_overdue: 4 } },
    ];
    const s = byCode(scoreRegions(rules, regions, { level: 'city', values: {} }));
    // 甲: 100 + 1 − 2 × 0.2 = 100.6. 乙: 100 − 2 − min(4 × 0.2, 0.5) = 97.5.
    expect(s['1']!.total).toBe(100.6);
    expect(s['2']!.total).toBe(97.5);
    expect(s['2']!.items.map((i) => i.explanation)).toEqual(['年度增收目标完成率 95.00%，未达到 100.00%，扣 2 分', '超时限未办结案件 4 件，每件扣 0.2 分，达到上限，扣 0.5 分']);
  });
});

function messages(v: unknown): string[] {
  const r = assessmentRulesSchema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('rules schema', () => {
  it('accepts the defaults and fills optional fields', () => {
    expect(assessmentRulesSchema.parse(DEFAULT_ASSESSMENT_RULES)).toEqual(DEFAULT_ASSESSMENT_RULES);
    const parsed = assessmentRulesSchema.parse({ baseScore: 100, rules: [{ method: 'per_item', indicator: 'cases_overdue', pointsPerItem: 1 }] });
    expect(parsed.rules[0]).toEqual({ method: 'per_item', indicator: 'cases_overdue', pointsPerItem: 1, maxDeduction: null });
  });

  it('refuses bad rules with Chinese messages', () => {
    expect(messages({ baseScore: 100, rules: [{ ...DEFAULT_ASSESSMENT_RULES.rules[0], pointsPerPoint: -1 }] })).toEqual(['每个百分点扣分不能为负数']);
    expect(messages({ baseScore: 100, rules: [{ method: 'per_item', indicator: 'business_fell_share', pointsPerItem: 1 }] })).toEqual(['按件扣分只适用于件数类指标']);
    expect(messages({ baseScore: 100, rules: [DEFAULT_ASSESSMENT_RULES.rules[0], DEFAULT_ASSESSMENT_RULES.rules[0]] })).toEqual(['第 2 条规则与前面的规则重复（同一指标、同一计分方式）']);
    expect(messages({ baseScore: 100, rules: [], regionCode: '53' }).length).toBe(1);
  });
});
