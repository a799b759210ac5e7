import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { INCOME_ITEMS, type IncomeItems } from './income-items.ts';
import { INCOME_ITEM_KEYS, annualise, computeIncome, emptyIncomeItems, incomeItemsSchema, sumIncomePart } from './income.ts';

// Up to 10 million yuan per item keeps every total far inside the safe-integer range.
const itemAmount = fc.integer({ min: 0, max: 1_000_000_000 });
const itemsArb: fc.Arbitrary<IncomeItems> = fc.record(
  Object.fromEntries(INCOME_ITEM_KEYS.map((k) => [k, itemAmount])) as Record<keyof IncomeItems, fc.Arbitrary<number>>,
);
const sizeArb = fc.integer({ min: 1, max: 30 });

describe('emptyIncomeItems', () => {
  it('has every sub-item at zero and nothing else', () => {
    const items = emptyIncomeItems();
    expect(Object.keys(items).sort()).toEqual(INCOME_ITEMS.map((i) => i.key).sort());
    expect(Object.values(items).every((v) => v === 0)).toBe(true);
    expect(incomeItemsSchema.parse(items)).toEqual(items);
  });

  it('returns a fresh object each time', () => {
    const a = emptyIncomeItems();
    a.wageOther = 5;
    expect(emptyIncomeItems().wageOther).toBe(0);
  });
});

describe('computeIncome', () => {
  it('computes the Weixi 2021 base example (domain.md §3)', () => {
    const items = {
      ...emptyIncomeItems(),
      wageOther: 791_300,
      businessPlanting: 374_700,
      propertyDividend: 52_400,
      transferPension: 166_300,
    };
    const s = computeIncome(items, 1);
    expect(s).toEqual({
      wage: 791_300,
      business: 374_700,
      property: 52_400,
      transfer: 166_300,
      cost: 0,
      gross: 1_384_700,
      net: 1_384_700,
      householdSize: 1,
      perCapitaNet: 1_384_700,
    });
  });

  it('subtracts costs and ignores recorded-only items', () => {
    const items = { ...emptyIncomeItems(), businessLivestock: 1_000_000, costLivestock: 300_000, medicalOutOfPocket: 999_999, insuranceClaims: 5 };
    const s = computeIncome(items, 3);
    expect(s.gross).toBe(1_000_000);
    expect(s.net).toBe(700_000);
    expect(s.perCapitaNet).toBe(233_333);
  });

  it('rounds per-capita half away from zero, also for a loss', () => {
    expect(computeIncome({ ...emptyIncomeItems(), wageOther: 1001 }, 2).perCapitaNet).toBe(501);
    expect(computeIncome({ ...emptyIncomeItems(), costOther: 1001 }, 2).perCapitaNet).toBe(-501);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses household size %s', (size) => {
    expect(() => computeIncome(emptyIncomeItems(), size)).toThrow(/家庭人口数/);
  });

  it('net equals the sum of the items by part', () => {
    fc.assert(
      fc.property(itemsArb, sizeArb, (items, size) => {
        const s = computeIncome(items, size);
        const byPart = (part: string) => INCOME_ITEMS.filter((i) => i.part === part).reduce((acc, i) => acc + items[i.key], 0);
        expect(s.wage).toBe(byPart('wage'));
        expect(s.business).toBe(byPart('business'));
        expect(s.property).toBe(byPart('property'));
        expect(s.transfer).toBe(byPart('transfer'));
        expect(s.cost).toBe(byPart('cost'));
        expect(s.gross).toBe(s.wage + s.business + s.property + s.transfer);
        expect(s.net).toBe(s.gross - s.cost);
        expect(sumIncomePart(items, 'wage')).toBe(s.wage);
      }),
    );
  });

  it('perCapita × size is within size/2 of net', () => {
    fc.assert(
      fc.property(itemsArb, sizeArb, (items, size) => {
        const s = computeIncome(items, size);
        expect(Number.isInteger(s.perCapitaNet)).toBe(true);
        expect(Math.abs(s.perCapitaNet * size - s.net)).toBeLessThanOrEqual(size / 2);
      }),
    );
  });

  it('adding 1 fen to a wage item raises net by exactly 1', () => {
    const wageKeys = INCOME_ITEMS.filter((i) => i.part === 'wage').map((i) => i.key);
    fc.assert(
      fc.property(itemsArb, sizeArb, fc.constantFrom(...wageKeys), (items, size, key) => {
        const before = computeIncome(items, size);
        const after = computeIncome({ ...items, [key]: items[key] + 1 }, size);
        expect(after.net).toBe(before.net + 1);
        expect(after.wage).toBe(before.wage + 1);
      }),
    );
  });
});

describe('annualise', () => {
  it.each([
    [100, 1, 400],
    [100, 2, 200],
    [100, 3, 133],
    [200, 3, 267],
    [100, 4, 100],
    [0, 1, 0],
    [-100, 3, -133],
    [-200, 3, -267],
  ])('%s fen at Q%s → %s', (fen, q, expected) => {
    expect(annualise(fen, q)).toBe(expected);
  });

  it.each([0, 5, 2.5, Number.NaN])('refuses quarter %s', (q) => {
    expect(() => annualise(100, q)).toThrow(/季度/);
  });

  it('is within 1 fen of the exact value and exact at Q4', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(1, 2, 3, 4), (fen, q) => {
        const a = annualise(fen, q);
        expect(Math.abs(a * q - fen * 4)).toBeLessThanOrEqual(q / 2);
        if (q === 4) expect(a).toBe(fen);
      }),
    );
  });
});

describe('incomeItemsSchema', () => {
  it('refuses negative, fractional, unsafe, missing and unknown items', () => {
    const ok = emptyIncomeItems();
    expect(incomeItemsSchema.safeParse({ ...ok, wageOther: -1 }).success).toBe(false);
    expect(incomeItemsSchema.safeParse({ ...ok, wageOther: 1.5 }).success).toBe(false);
    expect(incomeItemsSchema.safeParse({ ...ok, wageOther: 2 ** 53 }).success).toBe(false);
    expect(incomeItemsSchema.safeParse({ ...ok, wageOther: '100' }).success).toBe(false);
    const { wageOther: _omit, ...missing } = ok;
    expect(incomeItemsSchema.safeParse(missing).success).toBe(false);
    expect(incomeItemsSchema.safeParse({ ...ok, bonus: 1 }).success).toBe(false);
    const r = incomeItemsSchema.safeParse({ ...ok, wageOther: -1 });
    expect(!r.success && r.error.issues[0]?.message).toBe('金额不能为负数');
  });
});
