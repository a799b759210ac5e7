import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { IncomeItems } from './income-items.ts';
import { computeIncome, emptyIncomeItems } from './income.ts';
import {
  DEFAULT_LOGIC_CHECK_CONFIG,
  LOGIC_CHECK_RULES,
  LOGIC_CHECK_RULE_IDS,
  logicCheckConfigSchema,
  recordStatusFrom,
  runLogicChecks,
  type LogicCheckConfig,
  type LogicCheckFacts,
  type LogicCheckMemberFacts,
  type LogicCheckRuleId,
} from './logic-checks.ts';

const adult: LogicCheckMemberFacts = { age: 45, labourCapacity: 'normal', health: 'healthy', schoolingStatus: 'not_applicable', employmentStatus: 'employed' };
const pupil: LogicCheckMemberFacts = { age: 10, labourCapacity: 'none', health: 'healthy', schoolingStatus: 'in_school', employmentStatus: 'student' };
const elder: LogicCheckMemberFacts = { age: 70, labourCapacity: 'none', health: 'chronic', schoolingStatus: 'not_applicable', employmentStatus: 'other' };

/** A plausible 4-person household, full year: 60,000 yuan wage, farming with costs, pension for the elder. */
const CLEAN_ITEMS: IncomeItems = {
  ...emptyIncomeItems(),
  wageOther: 6_000_000,
  businessPlanting: 1_200_000,
  costPlanting: 300_000,
  propertyDividend: 50_000,
  transferPension: 180_000,
  transferEcoCompensation: 30_000,
  transferFamilyPlanning: 96_000,
  transferDibao: 0,
};

function facts(over: Partial<LogicCheckFacts> & { items?: IncomeItems } = {}): LogicCheckFacts {
  const items = over.items ?? CLEAN_ITEMS;
  const members = over.members ?? [adult, { ...adult, age: 43 }, pupil, elder];
  return {
    year: 2024,
    quarter: 4,
    householdType: 'poverty_exit',
    monitored: false,
    monitoringLineFen: 870_000,
    previousQuarterItems: null,
    hasForestLand: true,
    ...over,
    items,
    members,
    summary: over.summary ?? computeIncome(items, Math.max(1, members.length)),
  };
}

const ids = (f: LogicCheckFacts, c?: LogicCheckConfig) => runLogicChecks(f, c).map((r) => r.id);
const only = (f: LogicCheckFacts, id: LogicCheckRuleId, c?: LogicCheckConfig) => runLogicChecks(f, c).find((r) => r.id === id);

describe('rule table', () => {
  it('has one rule per id, in id order, each with a Chinese title', () => {
    expect(LOGIC_CHECK_RULES.map((r) => r.id)).toEqual([...LOGIC_CHECK_RULE_IDS]);
    for (const r of LOGIC_CHECK_RULES) expect(r.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a clean household raises nothing, in every quarter', () => {
    for (const quarter of [1, 2, 3, 4]) {
      const items = Object.fromEntries(Object.entries(CLEAN_ITEMS).map(([k, v]) => [k, Math.round((v * quarter) / 4)])) as IncomeItems;
      expect(runLogicChecks(facts({ quarter, items }))).toEqual([]);
    }
    expect(recordStatusFrom(runLogicChecks(facts()))).toBe('valid');
  });
});

describe('each rule fires on a crafted case', () => {
  it('per_capita_low: per-capita under the minimum, annualised, with the values in yuan', () => {
    // Q2 cumulative 1,756 yuan per head → 3,512 yuan a year.
    const items = { ...emptyIncomeItems(), wageOther: 702_400, costPlanting: 0, transferPension: 0 };
    const r = only(facts({ quarter: 2, items, householdType: 'ordinary', members: [adult, adult, adult, adult] }), 'per_capita_low');
    expect(r).toMatchObject({ severity: 'error', values: { perCapitaAnnualFen: 351_200, perCapitaCumulativeFen: 175_600, minFen: 400_000, quarter: 2 } });
    expect(r?.message).toBe('人均纯收入 3,512.00 元，低于 4,000.00 元（按第 2 季度累计折算全年）');
  });

  it('per_capita_low: a household without members', () => {
    const f = facts({ members: [] });
    expect(only(f, 'per_capita_low')?.message).toBe('家庭成员为空，无法计算人均纯收入');
  });

  it('poverty_exit_below_line_unmonitored: only for 脱贫户, only when not monitored and the line is known', () => {
    const items = { ...CLEAN_ITEMS, wageOther: 2_000_000 }; // per-capita ≈ 8,140 < 8,700
    const base = facts({ items });
    const r = only(base, 'poverty_exit_below_line_unmonitored');
    expect(r?.severity).toBe('error');
    expect(r?.message).toBe(`脱贫户人均纯收入 8,140.00 元，低于监测收入线 8,700.00 元（全年累计），但未纳入监测对象`);
    expect(only(facts({ items, householdType: 'exit_no_policy' }), 'poverty_exit_below_line_unmonitored')).toBeDefined();
    expect(only(facts({ items, householdType: 'ordinary' }), 'poverty_exit_below_line_unmonitored')).toBeUndefined();
    expect(only(facts({ items, monitored: true }), 'poverty_exit_below_line_unmonitored')).toBeUndefined();
    expect(only(facts({ items, monitoringLineFen: null }), 'poverty_exit_below_line_unmonitored')).toBeUndefined();
  });

  it('wage_out_of_range: between 0 and the minimum, or above the maximum', () => {
    const low = only(facts({ quarter: 1, items: { ...CLEAN_ITEMS, wageOther: 5_000 } }), 'wage_out_of_range');
    expect(low?.message).toBe('工资性收入 200.00 元，低于 300.00 元（按第 1 季度累计折算全年）');
    const high = only(facts({ items: { ...CLEAN_ITEMS, wageOther: 30_000_001 } }), 'wage_out_of_range');
    expect(high?.message).toBe('工资性收入 300,000.01 元，高于 300,000.00 元（全年累计）');
    expect(only(facts({ items: { ...CLEAN_ITEMS, wageOther: 0 } }), 'wage_out_of_range')).toBeUndefined();
    expect(only(facts({ items: { ...CLEAN_ITEMS, wageOther: 30_000_000 } }), 'wage_out_of_range')).toBeUndefined();
    expect(only(facts({ items: { ...CLEAN_ITEMS, wageOther: 30_000 } }), 'wage_out_of_range')).toBeUndefined();
  });

  it('business_without_cost: a warning', () => {
    const r = only(facts({ items: { ...CLEAN_ITEMS, costPlanting: 0 } }), 'business_without_cost');
    expect(r).toMatchObject({ severity: 'warning', message: '生产经营性收入 12,000.00 元，但生产经营性支出为 0.00 元，请核实是否漏填支出' });
  });

  it('eco_compensation_without_forest: only when forest land is known to be absent', () => {
    expect(only(facts({ hasForestLand: false }), 'eco_compensation_without_forest')?.message).toBe('生态补偿金 300.00 元，但该户没有退耕还林（草）或公益林');
    expect(only(facts({ hasForestLand: null }), 'eco_compensation_without_forest')).toBeUndefined();
  });

  it.each([
    ['dibao_too_small', 'transferDibao', '最低生活保障金 120.00 元，低于 200.00 元（按第 3 季度累计折算全年）'],
    ['family_planning_too_small', 'transferFamilyPlanning', '计划生育金 120.00 元，低于 100.00 元'],
    ['pension_too_small', 'transferPension', '养老金或离退休金 80.00 元，低于 88.00 元'],
  ] as const)('%s: present but implausibly small', (id, key, expected) => {
    // 90 yuan cumulative at Q3 → 120 yuan a year; 60 yuan → 80.
    const amount = id === 'pension_too_small' ? 6_000 : 9_000;
    const f = facts({ quarter: 3, items: { ...CLEAN_ITEMS, transferPension: 135_000, transferFamilyPlanning: 72_000, [key]: amount } });
    const r = only(f, id);
    if (id === 'family_planning_too_small') {
      expect(r).toBeUndefined(); // 120 ≥ 100
    } else {
      expect(r?.severity).toBe('warning');
      expect(r?.message.startsWith(expected)).toBe(true);
    }
    expect(only(facts({ items: { ...CLEAN_ITEMS, [key]: 0 } }), id)).toBeUndefined();
  });

  it('family_planning_too_small fires below its own minimum', () => {
    expect(only(facts({ items: { ...CLEAN_ITEMS, transferFamilyPlanning: 9_999 } }), 'family_planning_too_small')?.message).toMatch(/^计划生育金 99.99 元，低于 100.00 元（全年累计）/);
  });

  it('item_absurd: any single item over the limit is an error listing the items', () => {
    const r = only(facts({ quarter: 2, items: { ...CLEAN_ITEMS, businessLivestock: 60_000_000 } }), 'item_absurd');
    expect(r?.severity).toBe('error');
    expect(r?.message).toBe('以下项目超过 1,000,000.00 元（按第 2 季度累计折算全年），请核实是否多填了位数：养殖业收入 1,200,000.00 元');
  });

  it('cumulative_decrease: an item lower than in the previous quarter', () => {
    const previous = { ...CLEAN_ITEMS, wageOther: 6_000_001, costPlanting: 400_000 };
    const r = only(facts({ quarter: 4, previousQuarterItems: previous }), 'cumulative_decrease');
    expect(r?.severity).toBe('error');
    expect(r?.message).toBe(
      '季度累计数不能减少：务工等其他工资性收入 本季度累计 60,000.00 元，低于上一季度累计 60,000.01 元；种植业生产经营支出 本季度累计 3,000.00 元，低于上一季度累计 4,000.00 元',
    );
    expect(only(facts({ previousQuarterItems: CLEAN_ITEMS }), 'cumulative_decrease')).toBeUndefined();
  });

  it('child_out_of_school: a child of 6–16 not at school without a reason', () => {
    const dropped = { ...pupil, schoolingStatus: 'dropped_out' as const, employmentStatus: 'other' as const };
    const r = only(facts({ members: [adult, dropped] }), 'child_out_of_school');
    expect(r?.severity).toBe('warning');
    expect(r?.message).toBe('第 2 位成员 10 岁，在校情况为"辍学"，未说明不在校原因');
    expect(only(facts({ members: [adult, { ...dropped, hasReasonNotInSchool: true }] }), 'child_out_of_school')).toBeUndefined();
    expect(only(facts({ members: [adult, { ...dropped, age: 17 }] }), 'child_out_of_school')).toBeUndefined();
    expect(only(facts({ members: [adult, { ...dropped, age: 5 }] }), 'child_out_of_school')).toBeUndefined();
    expect(only(facts({ members: [adult, { ...dropped, age: 6, schoolingStatus: 'not_applicable' }] }), 'child_out_of_school')).toBeDefined();
  });

  it('student_as_labour: a student recorded as able to work', () => {
    const r = only(facts({ members: [adult, { ...pupil, age: 17, labourCapacity: 'skilled' }] }), 'student_as_labour');
    expect(r?.severity).toBe('warning');
    expect(r?.message).toBe('学生被记为劳动力：第 2 位成员就业状态为"在校生"，劳动能力为"技能劳动力"');
    expect(only(facts({ members: [adult, { ...pupil, labourCapacity: 'weak' }] }), 'student_as_labour')).toBeUndefined();
  });
});

describe('configuration', () => {
  const failing = facts({
    quarter: 3,
    hasForestLand: false,
    previousQuarterItems: { ...CLEAN_ITEMS, wageOther: 99_999_999 },
    members: [adult, { ...pupil, schoolingStatus: 'dropped_out', labourCapacity: 'normal' }],
    items: { ...emptyIncomeItems(), wageOther: 100, businessOther: 10, medicalOutOfPocket: 80_000_000, transferEcoCompensation: 10, transferDibao: 10, transferFamilyPlanning: 10, transferPension: 10 },
  });

  it('the crafted bad household trips every rule', () => {
    expect(new Set(ids({ ...failing, monitored: false, monitoringLineFen: 870_000 }))).toEqual(new Set(LOGIC_CHECK_RULE_IDS));
  });

  it.each(LOGIC_CHECK_RULE_IDS)('disabling %s silences it and nothing else', (id) => {
    const f = { ...failing, monitored: false, monitoringLineFen: 870_000 };
    const config = { ...DEFAULT_LOGIC_CHECK_CONFIG, enabled: { ...DEFAULT_LOGIC_CHECK_CONFIG.enabled, [id]: false } };
    expect(ids(f, config)).toEqual(LOGIC_CHECK_RULE_IDS.filter((x) => x !== id));
  });

  it('a rule missing from `enabled` runs', () => {
    expect(ids(failing, { ...DEFAULT_LOGIC_CHECK_CONFIG, enabled: {} })).toContain('item_absurd');
  });

  it('thresholds come from the config', () => {
    const items = { ...CLEAN_ITEMS, wageOther: 2_000_000 }; // per-capita 8,140 yuan
    expect(only(facts({ items }), 'per_capita_low')).toBeUndefined();
    const r = only(facts({ items }), 'per_capita_low', { ...DEFAULT_LOGIC_CHECK_CONFIG, perCapitaMin: 1_000_000 });
    expect(r?.message).toBe('人均纯收入 8,140.00 元，低于 10,000.00 元（全年累计）');

    const dibao = facts({ items: { ...CLEAN_ITEMS, transferDibao: 30_000 } });
    expect(only(dibao, 'dibao_too_small')).toBeUndefined();
    expect(only(dibao, 'dibao_too_small', { ...DEFAULT_LOGIC_CHECK_CONFIG, dibaoMin: 40_000 })?.message).toMatch(/低于 400.00 元/);

    const big = facts({ items: { ...CLEAN_ITEMS, businessOther: 50_000_000 } });
    expect(only(big, 'item_absurd')).toBeUndefined();
    expect(only(big, 'item_absurd', { ...DEFAULT_LOGIC_CHECK_CONFIG, absurdItemMax: 10_000_000 })).toBeDefined();

    const wage = facts({ items: { ...CLEAN_ITEMS, wageOther: 40_000 } });
    expect(only(wage, 'wage_out_of_range')).toBeUndefined();
    expect(only(wage, 'wage_out_of_range', { ...DEFAULT_LOGIC_CHECK_CONFIG, wageMinPositive: 50_000 })).toBeDefined();

    const teen = facts({ members: [adult, { ...pupil, age: 17, schoolingStatus: 'dropped_out', employmentStatus: 'other' }] });
    expect(only(teen, 'child_out_of_school')).toBeUndefined();
    expect(only(teen, 'child_out_of_school', { ...DEFAULT_LOGIC_CHECK_CONFIG, schoolAgeMax: 18 })).toBeDefined();
  });

  it('severity can be changed per region, and drives the record status', () => {
    const f = facts({ items: { ...CLEAN_ITEMS, costPlanting: 0 } });
    expect(recordStatusFrom(runLogicChecks(f))).toBe('valid');
    const stricter = { ...DEFAULT_LOGIC_CHECK_CONFIG, severity: { business_without_cost: 'error' as const } };
    expect(recordStatusFrom(runLogicChecks(f, stricter))).toBe('to_verify');
    expect(recordStatusFrom([])).toBe('valid');
    expect(recordStatusFrom([{ severity: 'warning' }, { severity: 'error' }])).toBe('to_verify');
  });

  it('logicCheckConfigSchema fills defaults and refuses unknown rules and keys', () => {
    expect(logicCheckConfigSchema.parse({})).toEqual({ ...DEFAULT_LOGIC_CHECK_CONFIG, enabled: {} });
    expect(logicCheckConfigSchema.parse({ perCapitaMin: 500_000, enabled: { student_as_labour: false } })).toMatchObject({
      perCapitaMin: 500_000,
      enabled: { student_as_labour: false },
    });
    expect(logicCheckConfigSchema.safeParse({ enabled: { no_such_rule: false } }).success).toBe(false);
    expect(logicCheckConfigSchema.safeParse({ perCapitaMn: 1 }).success).toBe(false);
    expect(logicCheckConfigSchema.safeParse({ perCapitaMin: -1 }).success).toBe(false);
    expect(logicCheckConfigSchema.safeParse({ wageMinPositive: 10, wageMax: 5 }).success).toBe(false);
  });
});

describe('properties', () => {
  const amount = fc.integer({ min: 0, max: 200_000_000 });
  const itemsArb = fc.record(Object.fromEntries(Object.keys(emptyIncomeItems()).map((k) => [k, amount])) as Record<keyof IncomeItems, fc.Arbitrary<number>>);

  it('every result names its values in yuan, and the status follows the severities', () => {
    fc.assert(
      fc.property(itemsArb, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 8 }), (items, quarter, size) => {
        const members = Array.from({ length: size }, () => adult);
        const results = runLogicChecks(facts({ items, quarter, members }));
        for (const r of results) {
          expect(typeof r.message).toBe('string');
          if (r.id !== 'student_as_labour' && r.id !== 'child_out_of_school') expect(r.message).toMatch(/\d元|\d\.\d{2} 元/);
        }
        expect(recordStatusFrom(results)).toBe(results.some((r) => r.severity === 'error') ? 'to_verify' : 'valid');
      }),
    );
  });

  it('a per-capita rule result agrees with a direct comparison', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 1, max: 6 }), (wage, size) => {
        const items = { ...emptyIncomeItems(), wageOther: wage };
        const f = facts({ items, members: Array.from({ length: size }, () => adult) });
        const fired = only(f, 'per_capita_low') !== undefined;
        expect(fired).toBe(f.summary.perCapitaNet < DEFAULT_LOGIC_CHECK_CONFIG.perCapitaMin);
      }),
    );
  });
});
