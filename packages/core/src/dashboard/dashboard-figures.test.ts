import { describe, expect, it } from 'vitest';
import { dashboardGap, dashboardIncome, EMPTY_INCOME_SUMS, growthRate, perCapitaFen, shareOf, type IncomeSums } from './dashboard-figures.ts';

const sums = (over: Partial<IncomeSums>): IncomeSums => ({ ...EMPTY_INCOME_SUMS, ...over });

describe('dashboard figures', () => {
  it('weights per-capita income by people, not by averaging regions', () => {
    // Village A: 1 person with 10,000 yuan of wages; village B: 3 people with 6,000 yuan of business → 16,000 ÷ 4 = 4,000,
    // not the average of 10,000 and 2,000.
    const both = sums({ reportedHouseholds: 2, reportedPeople: 4, netFen: 1_600_000, partsFen: { wage: 1_000_000, business: 600_000, property: 0, transfer: 0 } });
    const income = dashboardIncome(both, EMPTY_INCOME_SUMS, 4);
    expect(income.ytdPerCapitaNetFen).toBe(400_000);
    expect(income.ytdPartsPerCapitaFen).toEqual({ wage: 250_000, business: 150_000, property: 0, transfer: 0 });
    expect(income.partShares).toEqual({ wage: 0.625, business: 0.375, property: 0, transfer: 0 });
    expect(income.growthRate).toBeNull();
  });

  it('projects the year from the quarters so far and compares with the same quarter a year earlier', () => {
    const now = sums({ reportedHouseholds: 2, reportedPeople: 4, netFen: 1_200_000, partsFen: { wage: 600_000, business: 600_000, property: 0, transfer: 0 }, comparableHouseholds: 2, incomeFellHouseholds: 1, businessFellHouseholds: 0 });
    const before = sums({ reportedHouseholds: 2, reportedPeople: 4, netFen: 1_000_000, partsFen: { wage: 500_000, business: 500_000, property: 0, transfer: 0 } });
    const income = dashboardIncome(now, before, 3);
    expect(income.ytdPerCapitaNetFen).toBe(300_000);
    expect(income.projectedPerCapitaNetFen).toBe(400_000); // 3,000 × 4 ÷ 3
    expect(income.lastYearYtdPerCapitaNetFen).toBe(250_000);
    expect(income.growthRate).toBeCloseTo(0.2);
    expect(income.incomeFellShare).toBe(0.5);
    expect(income.businessFellShare).toBe(0);
    const gap = dashboardGap(income, { regionCode: '533423', inheritedFrom: null, year: 2026, perCapitaNetFen: 500_000, partsFen: { wage: 250_000 }, growthRate: null });
    expect(gap).toEqual({ perCapitaNetFen: -100_000, parts: { wage: -50_000 }, reachedShare: 0.8 });
  });

  it('answers null where a denominator is missing', () => {
    const income = dashboardIncome(EMPTY_INCOME_SUMS, EMPTY_INCOME_SUMS, 1);
    expect(income.ytdPerCapitaNetFen).toBeNull();
    expect(income.projectedPartsPerCapitaFen).toBeNull();
    expect(income.incomeFellShare).toBeNull();
    expect(dashboardGap(income, null)).toBeNull();
    expect(shareOf(1, 0)).toBeNull();
    expect(perCapitaFen(5, 0)).toBeNull();
    expect(growthRate(100, 0)).toBeNull();
  });
});
