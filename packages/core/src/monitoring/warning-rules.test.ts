import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_WARNING_CONFIG,
  WARNING_RULES,
  WARNING_RULES_VERSION,
  WARNING_RULE_CATALOGUE,
  WARNING_RULE_IDS,
  evaluateHouseholdWarnings,
  warningConfigSchema,
  type HouseholdWarningFacts,
  type WarningConfig,
  type WarningRuleId,
} from './warning-rules.ts';

/** A household nobody should worry about: 4 people, 2 working, 20,000 yuan per head, slowly rising. */
const CLEAN: HouseholdWarningFacts = {
  householdId: 'h-1',
  villageCode: '533423101201',
  householdType: 'poverty_exit',
  monitoringCategory: null,
  year: 2024,
  quarter: 4,
  perCapitaAnnualFen: 2_000_000,
  lineFen: 870_000,
  previousYearSamePeriodPerCapitaAnnualFen: 1_900_000,
  parts: { wage: 5_000_000, business: 2_000_000, property: 200_000, transfer: 800_000 },
  previousYearSamePeriodParts: { wage: 4_800_000, business: 1_900_000, property: 200_000, transfer: 700_000 },
  medicalOutOfPocketFen: 0,
  schoolingSpendFen: 0,
  householdSize: 4,
  membersAbleToWork: 2,
  memberCount: 4,
  flags: { unsafeHousing: false, unsafeWater: false, schoolDropout: false, uninsuredMember: false },
};

const facts = (over: Partial<HouseholdWarningFacts> = {}): HouseholdWarningFacts => ({ ...CLEAN, ...over });
const ids = (f: HouseholdWarningFacts, c?: WarningConfig) => evaluateHouseholdWarnings(f, c).findings.map((x) => x.ruleId);
const find = (f: HouseholdWarningFacts, id: WarningRuleId, c?: WarningConfig) => evaluateHouseholdWarnings(f, c).findings.find((x) => x.ruleId === id);
const config = (over: Partial<WarningConfig>): WarningConfig => ({ ...DEFAULT_WARNING_CONFIG, ...over });

/** One crafted household per rule, each firing that rule. */
const FIRING: Record<WarningRuleId, HouseholdWarningFacts> = {
  below_line: facts({ perCapitaAnnualFen: 791_200, previousYearSamePeriodPerCapitaAnnualFen: 790_000 }),
  near_line: facts({ perCapitaAnnualFen: 1_050_000, lineFen: 1_000_000, previousYearSamePeriodPerCapitaAnnualFen: 1_000_000 }),
  income_fell: facts({ perCapitaAnnualFen: 1_500_000 }),
  part_fell: facts({ parts: { ...CLEAN.parts, business: 1_000_000 } }),
  rigid_spending: facts({ perCapitaAnnualFen: 1_200_000, previousYearSamePeriodPerCapitaAnnualFen: 1_150_000, medicalOutOfPocketFen: 2_000_000 }),
  no_labour: facts({ membersAbleToWork: 0 }),
  problem_flags: facts({ flags: { ...CLEAN.flags, unsafeWater: true } }),
  focus_low_income: facts({ perCapitaAnnualFen: 950_000, previousYearSamePeriodPerCapitaAnnualFen: 940_000 }),
};

describe('rule table', () => {
  it('has one rule per id, in id order, each with a Chinese title', () => {
    expect(WARNING_RULES.map((r) => r.id)).toEqual([...WARNING_RULE_IDS]);
    for (const r of WARNING_RULES) expect(r.title).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('a clean household', () => {
  it('raises nothing and scores 0', () => {
    expect(evaluateHouseholdWarnings(CLEAN)).toEqual({ findings: [], riskScore: 0 });
  });
});

describe('each rule', () => {
  it.each(WARNING_RULE_IDS)('%s fires on its crafted case with a versioned, Chinese, scored finding', (id) => {
    const f = find(FIRING[id], id);
    expect(f).toBeDefined();
    expect(f!.ruleVersion).toBe(WARNING_RULES_VERSION);
    expect(f!.explanation).toMatch(/[\u4e00-\u9fff]/);
    expect(f!.score).toBeGreaterThan(0);
    expect(f!.score).toBeLessThanOrEqual(100);
    expect(Object.keys(f!.facts).length).toBeGreaterThan(0);
  });

  it.each(WARNING_RULE_IDS)('%s is silent when disabled', (id) => {
    const c = config({ enabled: { [id]: false } });
    expect(ids(FIRING[id], c)).not.toContain(id);
  });
});

describe('below_line', () => {
  it('uses the seed message format for a Q4 record', () => {
    const f = find(facts({ perCapitaAnnualFen: 791_200, lineFen: 870_000, year: 2024, quarter: 4 }), 'below_line');
    expect(f!.explanation).toContain('人均纯收入 7,912.00 元，低于 2024 年监测线 8,700.00 元');
    expect(f!.explanation).toContain('按 2024 年全年累计');
  });

  it('names the quarter basis for a partial year', () => {
    const f = find(facts({ perCapitaAnnualFen: 791_200, year: 2026, quarter: 3 }), 'below_line');
    expect(f!.explanation).toContain('按 2026 年第 3 季度累计折算全年');
  });

  it('scores at least 40 and more the further below the line', () => {
    const near = find(facts({ perCapitaAnnualFen: 869_999 }), 'below_line')!.score;
    const far = find(facts({ perCapitaAnnualFen: 400_000 }), 'below_line')!.score;
    const none = find(facts({ perCapitaAnnualFen: 0 }), 'below_line')!.score;
    expect(near).toBe(40);
    expect(far).toBeGreaterThan(near);
    expect(none).toBe(100);
  });

  it('is silent at the line and without a line', () => {
    expect(ids(facts({ perCapitaAnnualFen: 870_000 }))).not.toContain('below_line');
    expect(ids(facts({ perCapitaAnnualFen: 500_000, lineFen: null }))).not.toContain('below_line');
  });
});

describe('near_line', () => {
  it('covers [line, line × (1 + margin)) and takes the margin from config', () => {
    expect(ids(facts({ perCapitaAnnualFen: 870_000 }))).toContain('near_line');
    expect(ids(facts({ perCapitaAnnualFen: 956_999 }))).toContain('near_line');
    expect(ids(facts({ perCapitaAnnualFen: 957_000 }))).not.toContain('near_line');
    expect(ids(facts({ perCapitaAnnualFen: 1_000_000 }), config({ marginPct: 20 }))).toContain('near_line');
    expect(ids(facts({ perCapitaAnnualFen: 870_000 }), config({ marginPct: 0 }))).not.toContain('near_line');
  });

  it('never fires together with below_line', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000_000 }), (pc) => {
        const got = ids(facts({ perCapitaAnnualFen: pc }));
        return !(got.includes('near_line') && got.includes('below_line'));
      }),
    );
  });
});

describe('income_fell', () => {
  it('names both amounts and the fall', () => {
    const f = find(facts({ perCapitaAnnualFen: 1_500_000, previousYearSamePeriodPerCapitaAnnualFen: 2_000_000 }), 'income_fell');
    expect(f!.explanation).toContain('人均纯收入 15,000.00 元，比上年同期 20,000.00 元下降 25.0%');
  });

  it('uses fallPct from config, inclusive', () => {
    const f = facts({ perCapitaAnnualFen: 1_800_000, previousYearSamePeriodPerCapitaAnnualFen: 2_000_000 }); // −10 %
    expect(ids(f)).toContain('income_fell');
    expect(ids(f, config({ fallPct: 15 }))).not.toContain('income_fell');
  });

  it('is silent without last year or with no positive income last year', () => {
    expect(ids(facts({ perCapitaAnnualFen: 100, previousYearSamePeriodPerCapitaAnnualFen: null }))).not.toContain('income_fell');
    expect(ids(facts({ perCapitaAnnualFen: -100, previousYearSamePeriodPerCapitaAnnualFen: 0 }))).not.toContain('income_fell');
  });
});

describe('part_fell', () => {
  it('lists every part that fell, by its Chinese name, in one finding', () => {
    const f = find(facts({ parts: { wage: 3_000_000, business: 1_000_000, property: 200_000, transfer: 800_000 } }), 'part_fell');
    expect(f!.explanation).toContain('工资性收入 30,000.00 元，比上年同期 48,000.00 元下降 37.5%');
    expect(f!.explanation).toContain('生产经营性收入 10,000.00 元，比上年同期 19,000.00 元下降 47.4%');
    expect(f!.explanation).not.toContain('财产性收入');
    expect(f!.facts.parts).toBe('wage,business');
    expect(evaluateHouseholdWarnings(facts({ parts: { wage: 3_000_000, business: 1_000_000, property: 200_000, transfer: 800_000 } })).findings.filter((x) => x.ruleId === 'part_fell')).toHaveLength(1);
  });

  it('ignores falls under 500 yuan a year even when the percentage is large', () => {
    // Property income 200 → 0 yuan: −100 %, but only 200 yuan.
    const small = facts({ parts: { ...CLEAN.parts, property: 0 }, previousYearSamePeriodParts: { ...CLEAN.previousYearSamePeriodParts!, property: 20_000 } });
    expect(ids(small)).not.toContain('part_fell');
  });

  it('annualises the 500-yuan floor: a 200-yuan Q1 fall is 800 yuan a year', () => {
    const q1 = facts({ quarter: 1, parts: { ...CLEAN.parts, property: 0 }, previousYearSamePeriodParts: { ...CLEAN.previousYearSamePeriodParts!, property: 20_000 } });
    const f = find(q1, 'part_fell');
    expect(f!.explanation).toContain('财产性收入 0.00 元，比上年同期 800.00 元下降 100.0%');
    expect(f!.explanation).toContain('按 2024 年第 1 季度累计折算全年');
  });

  it('uses partFallPct from config', () => {
    const f = facts({ parts: { ...CLEAN.parts, wage: 4_000_000 } }); // 48,000 → 40,000: −16.7 %
    expect(ids(f)).not.toContain('part_fell');
    expect(ids(f, config({ partFallPct: 15 }))).toContain('part_fell');
  });

  it('is silent without last year', () => {
    expect(ids(facts({ parts: { wage: 0, business: 0, property: 0, transfer: 0 }, previousYearSamePeriodParts: null }))).not.toContain('part_fell');
  });
});

describe('rigid_spending', () => {
  it('fires when spending per head takes an above-line household below the line', () => {
    // 12,000 per head, 20,000 medical + 0 schooling over 4 people = 5,000 per head → 7,000 < 8,700.
    const f = find(FIRING.rigid_spending, 'rigid_spending');
    expect(f!.explanation).toContain('人均纯收入 12,000.00 元，扣除合规自付医疗支出 20,000.00 元、教育支出 0.00 元（共 4 人）后人均 7,000.00 元，低于 2024 年监测线 8,700.00 元');
    expect(f!.facts.perCapitaAfterSpendingFen).toBe(700_000);
  });

  it('counts schooling spend and annualises both', () => {
    // Q2: 5,000 medical + 5,000 schooling so far → 20,000 a year → 5,000 per head.
    const f = facts({ quarter: 2, perCapitaAnnualFen: 1_200_000, previousYearSamePeriodPerCapitaAnnualFen: 1_200_000, medicalOutOfPocketFen: 500_000, schoolingSpendFen: 500_000 });
    expect(find(f, 'rigid_spending')!.facts.perCapitaAfterSpendingFen).toBe(700_000);
  });

  it('is silent for a household already below the line, or whose spending leaves it above', () => {
    expect(ids(facts({ perCapitaAnnualFen: 800_000, medicalOutOfPocketFen: 2_000_000 }))).not.toContain('rigid_spending');
    expect(ids(facts({ medicalOutOfPocketFen: 2_000_000 }))).not.toContain('rigid_spending');
  });
});

describe('no_labour', () => {
  it('fires only for a household with members but nobody able to work', () => {
    expect(find(FIRING.no_labour, 'no_labour')!.explanation).toContain('4 名成员中没有普通劳动力或技能劳动力');
    expect(ids(facts({ memberCount: 0, membersAbleToWork: 0 }))).not.toContain('no_labour');
  });
});

describe('problem_flags', () => {
  it('lists every flag in Chinese and scores more for more flags', () => {
    const all = facts({ flags: { unsafeHousing: true, unsafeWater: true, schoolDropout: true, uninsuredMember: true } });
    const f = find(all, 'problem_flags')!;
    expect(f.explanation).toBe('存在以下问题：住房不安全、饮水不安全、义务教育阶段失学辍学、有成员未参加基本医保');
    expect(f.score).toBeGreaterThan(find(FIRING.problem_flags, 'problem_flags')!.score);
  });
});

describe('focus_low_income', () => {
  it('uses the focus threshold from config, exclusive', () => {
    expect(ids(facts({ perCapitaAnnualFen: 999_999 }))).toContain('focus_low_income');
    expect(ids(facts({ perCapitaAnnualFen: 1_000_000 }))).not.toContain('focus_low_income');
    expect(ids(facts({ perCapitaAnnualFen: 1_100_000 }), config({ focusThresholdFen: 1_200_000 }))).toContain('focus_low_income');
  });
});

describe('no valid income record', () => {
  it('runs only the non-income rules', () => {
    const f = facts({
      perCapitaAnnualFen: null,
      previousYearSamePeriodPerCapitaAnnualFen: 2_000_000,
      parts: { wage: 0, business: 0, property: 0, transfer: 0 },
      medicalOutOfPocketFen: 5_000_000,
      membersAbleToWork: 0,
      flags: { ...CLEAN.flags, unsafeHousing: true },
    });
    expect(ids(f)).toEqual(['no_labour', 'problem_flags']);
  });
});

describe('risk score', () => {
  it('applies weights from config', () => {
    const f = FIRING.no_labour;
    expect(find(f, 'no_labour', config({ weights: { no_labour: 2 } }))!.score).toBe(2 * find(f, 'no_labour')!.score);
    const silent = evaluateHouseholdWarnings(f, config({ weights: { no_labour: 0 } }));
    expect(silent.findings.map((x) => x.ruleId)).toEqual(['no_labour']);
    expect(silent.riskScore).toBe(0);
  });

  it('caps at 100', () => {
    const worst = facts({
      perCapitaAnnualFen: 0,
      previousYearSamePeriodPerCapitaAnnualFen: 2_000_000,
      parts: { wage: 0, business: 0, property: 0, transfer: 0 },
      membersAbleToWork: 0,
      flags: { unsafeHousing: true, unsafeWater: true, schoolDropout: true, uninsuredMember: true },
    });
    const r = evaluateHouseholdWarnings(worst);
    expect(r.findings.reduce((s, f) => s + f.score, 0)).toBeGreaterThan(100);
    expect(r.riskScore).toBe(100);
  });

  const amount = fc.integer({ min: -500_000, max: 5_000_000 });
  const parts = fc.record({ wage: amount, business: amount, property: amount, transfer: amount });
  const factsArb: fc.Arbitrary<HouseholdWarningFacts> = fc.record({
    householdId: fc.constant('h'),
    villageCode: fc.constant('533423101201'),
    householdType: fc.constantFrom('poverty_exit' as const, 'ordinary' as const, 'exit_no_policy' as const),
    monitoringCategory: fc.constantFrom(null, 'marginal'),
    year: fc.integer({ min: 2021, max: 2030 }),
    quarter: fc.integer({ min: 1, max: 4 }),
    perCapitaAnnualFen: fc.option(fc.integer({ min: -200_000, max: 3_000_000 })),
    lineFen: fc.option(fc.integer({ min: 500_000, max: 2_000_000 })),
    previousYearSamePeriodPerCapitaAnnualFen: fc.option(fc.integer({ min: -200_000, max: 3_000_000 })),
    parts,
    previousYearSamePeriodParts: fc.option(parts),
    medicalOutOfPocketFen: fc.integer({ min: 0, max: 5_000_000 }),
    schoolingSpendFen: fc.integer({ min: 0, max: 1_000_000 }),
    householdSize: fc.integer({ min: 1, max: 10 }),
    membersAbleToWork: fc.integer({ min: 0, max: 5 }),
    memberCount: fc.integer({ min: 0, max: 10 }),
    flags: fc.record({ unsafeHousing: fc.boolean(), unsafeWater: fc.boolean(), schoolDropout: fc.boolean(), uninsuredMember: fc.boolean() }),
  });
  const configArb: fc.Arbitrary<WarningConfig> = fc.record({
    marginPct: fc.integer({ min: 0, max: 50 }),
    fallPct: fc.integer({ min: 0, max: 60 }),
    partFallPct: fc.integer({ min: 0, max: 60 }),
    focusThresholdFen: fc.integer({ min: 0, max: 2_000_000 }),
    enabled: fc.dictionary(fc.constantFrom(...WARNING_RULE_IDS), fc.boolean()),
    weights: fc.dictionary(fc.constantFrom(...WARNING_RULE_IDS), fc.double({ min: 0, max: 5, noNaN: true })),
  });

  it('is the sum of the contributions, capped at 100; every contribution is 0–100 (property)', () => {
    fc.assert(
      fc.property(factsArb, configArb, (f, c) => {
        const r = evaluateHouseholdWarnings(f, c);
        const sum = r.findings.reduce((s, x) => s + x.score, 0);
        const inRange = r.findings.every((x) => Number.isInteger(x.score) && x.score >= 0 && x.score <= 100);
        return inRange && r.riskScore === Math.min(100, sum);
      }),
    );
  });

  it('is deterministic and respects disabled rules and missing income (property)', () => {
    fc.assert(
      fc.property(factsArb, configArb, (f, c) => {
        const a = evaluateHouseholdWarnings(f, c);
        expect(evaluateHouseholdWarnings(structuredClone(f), c)).toEqual(a);
        for (const x of a.findings) {
          expect(c.enabled[x.ruleId]).not.toBe(false);
          if (f.perCapitaAnnualFen === null) expect(['no_labour', 'problem_flags']).toContain(x.ruleId);
        }
      }),
    );
  });

  it('refuses a quarter outside 1–4', () => {
    expect(() => evaluateHouseholdWarnings(facts({ quarter: 5 }))).toThrow(RangeError);
  });
});

describe('warningConfigSchema', () => {
  it('fills every field from the defaults', () => {
    expect(warningConfigSchema.parse({})).toEqual({ ...DEFAULT_WARNING_CONFIG, enabled: {} });
    expect(evaluateHouseholdWarnings(FIRING.near_line, warningConfigSchema.parse({})).findings.map((x) => x.ruleId)).toEqual(['near_line']);
  });

  it('keeps what a region changed', () => {
    const c = warningConfigSchema.parse({ marginPct: 15, enabled: { focus_low_income: false }, weights: { below_line: 1.5 } });
    expect(c.marginPct).toBe(15);
    expect(c.fallPct).toBe(10);
    expect(c.enabled).toEqual({ focus_low_income: false });
    expect(c.weights).toEqual({ below_line: 1.5 });
  });

  it('refuses unknown keys, unknown rule ids and out-of-range values', () => {
    for (const bad of [{ margin: 10 }, { enabled: { below_the_line: false } }, { weights: { near_line: -1 } }, { fallPct: 120 }, { focusThresholdFen: 1.5 }]) {
      expect(warningConfigSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('WARNING_RULE_CATALOGUE', () => {
  it('describes every rule in evaluation order, with thresholds the config really has', () => {
    expect(WARNING_RULE_CATALOGUE.map((r) => r.id)).toEqual([...WARNING_RULE_IDS]);
    const fields = Object.keys(warningConfigSchema.shape);
    for (const entry of WARNING_RULE_CATALOGUE) {
      expect(entry.title).toBe(WARNING_RULES.find((r) => r.id === entry.id)!.title);
      expect(entry.version).toBe(WARNING_RULES_VERSION);
      expect(entry.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of entry.parameters) expect(fields).toContain(p);
    }
  });
});
