import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { annualise } from '../registry/income.ts';
import {
  DEFAULT_FOCUS_LEDGER_CONFIG,
  focusGroupsOf,
  focusIncomeOf,
  focusLedgerConfigSchema,
  incomeChangeFen,
  type FocusFacts,
  type FocusIncome,
} from './focus-groups.ts';

const income = (perCapitaAnnualFen: number, year = 2025, quarter = 4): FocusIncome => ({
  year,
  quarter,
  perCapitaAnnualFen,
  partsPerCapitaAnnualFen: { wage: 0, business: 0, property: 0, transfer: 0 },
});
const facts = (over: Partial<FocusFacts>): FocusFacts => ({ householdType: 'poverty_exit', latest: null, previousPerCapitaAnnualFen: null, ...over });

describe('focusGroupsOf', () => {
  it('puts a poverty-exit household under 10,000 yuan in the low-income group, and one at exactly 10,000 not', () => {
    expect(focusGroupsOf(facts({ latest: income(999_999) }))).toEqual(['low_income']);
    expect(focusGroupsOf(facts({ latest: income(1_000_000) }))).toEqual([]);
  });

  it('puts a household whose income is lower than the same period last year in the fell group (strictly lower)', () => {
    expect(focusGroupsOf(facts({ latest: income(1_500_000), previousPerCapitaAnnualFen: 1_500_001 }))).toEqual(['income_fell']);
    expect(focusGroupsOf(facts({ latest: income(1_500_000), previousPerCapitaAnnualFen: 1_500_000 }))).toEqual([]);
    expect(focusGroupsOf(facts({ latest: income(800_000), previousPerCapitaAnnualFen: 900_000 }))).toEqual(['low_income', 'income_fell']);
  });

  it('knows nothing without a valid record, and nothing about a fall without last year’s record', () => {
    expect(focusGroupsOf(facts({ latest: null, previousPerCapitaAnnualFen: 900_000 }))).toEqual([]);
    expect(focusGroupsOf(facts({ latest: income(1_200_000), previousPerCapitaAnnualFen: null }))).toEqual([]);
  });

  it('covers poverty-exit households (incl. 脱贫不享受政策户) by default; ordinary households only when configured', () => {
    expect(focusGroupsOf(facts({ householdType: 'exit_no_policy', latest: income(500_000) }))).toEqual(['low_income']);
    expect(focusGroupsOf(facts({ householdType: 'ordinary', latest: income(500_000) }))).toEqual([]);
    const all = { ...DEFAULT_FOCUS_LEDGER_CONFIG, householdTypes: ['poverty_exit', 'exit_no_policy', 'ordinary'] as const };
    expect(focusGroupsOf(facts({ householdType: 'ordinary', latest: income(500_000) }), { ...all, householdTypes: [...all.householdTypes] })).toEqual(['low_income']);
  });

  it('uses the configured threshold', () => {
    const config = { ...DEFAULT_FOCUS_LEDGER_CONFIG, lowIncomeThresholdFen: 1_200_000 };
    expect(focusGroupsOf(facts({ latest: income(1_100_000) }), config)).toEqual(['low_income']);
  });

  it('property: low income ⇔ below the threshold; fell ⇔ strictly below last year; never anything for uncovered types', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5_000_000, max: 10_000_000 }),
        fc.option(fc.integer({ min: -5_000_000, max: 10_000_000 })),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.constantFrom('poverty_exit', 'exit_no_policy', 'ordinary' as const),
        (pc, prev, threshold, householdType) => {
          const config = { lowIncomeThresholdFen: threshold, householdTypes: ['poverty_exit' as const] };
          const groups = focusGroupsOf(facts({ householdType, latest: income(pc), previousPerCapitaAnnualFen: prev }), config);
          if (householdType !== 'poverty_exit') {
            expect(groups).toEqual([]);
            return;
          }
          expect(groups.includes('low_income')).toBe(pc < threshold);
          expect(groups.includes('income_fell')).toBe(prev !== null && pc < prev);
          const change = incomeChangeFen({ latest: income(pc), previousPerCapitaAnnualFen: prev });
          expect(groups.includes('income_fell')).toBe(change !== null && change < 0);
        },
      ),
    );
  });
});

describe('focusIncomeOf', () => {
  it('annualises per-capita net and per-capita parts (business net of costs) of a Q2 record', () => {
    // 3 people, January–June: wage 9,000 yuan, business 4,000 − 1,000 costs, property 301 yuan, transfer 0.
    const r = focusIncomeOf({ year: 2025, quarter: 2, householdSize: 3, perCapitaNet: 410_033, wage: 900_000, business: 400_000, cost: 100_000, property: 30_100, transfer: 0 });
    expect(r.perCapitaAnnualFen).toBe(820_066);
    expect(r.partsPerCapitaAnnualFen).toEqual({ wage: 600_000, business: 200_000, property: 20_066, transfer: 0 });
  });

  it('property: per-capita parts are the per-person share, annualised with the same rounding as per-capita net', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(1, 2, 3, 4),
        (business, cost, size, quarter) => {
          const r = focusIncomeOf({ year: 2025, quarter, householdSize: size, perCapitaNet: 0, wage: 0, business, cost, property: 0, transfer: 0 });
          const exact = ((business - cost) / size) * (4 / quarter);
          // Two roundings of at most half a fen each, the first one scaled by 4/quarter (≤ 4).
          expect(Math.abs(r.partsPerCapitaAnnualFen.business - exact)).toBeLessThanOrEqual(0.5 * (4 / quarter) + 0.5);
          if (quarter === 4) expect(r.perCapitaAnnualFen).toBe(annualise(0, 4));
        },
      ),
    );
  });
});

describe('focusLedgerConfigSchema', () => {
  it('fills in the defaults and refuses unknown keys and bad values with Chinese messages', () => {
    expect(focusLedgerConfigSchema.parse({})).toEqual({ lowIncomeThresholdFen: 1_000_000, householdTypes: ['poverty_exit', 'exit_no_policy'] });
    expect(focusLedgerConfigSchema.safeParse({ lowIncomeThresholdFen: 0 }).error?.issues[0]?.message).toBe('重点关注收入线必须大于 0');
    expect(focusLedgerConfigSchema.safeParse({ householdTypes: [] }).error?.issues[0]?.message).toBe('至少选择一种户类型');
    expect(focusLedgerConfigSchema.safeParse({ threshold: 1 }).success).toBe(false);
  });
});
