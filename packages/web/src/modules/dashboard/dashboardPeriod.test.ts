import { describe, expect, it } from 'vitest';
import type { DashboardTrendPoint } from '@zengshou/core';
import { latestPeriodWithData, periodFromSearch, periodOfDate, yearOptions } from './dashboardPeriod';

const point = (year: number, quarter: number, reportedHouseholds: number): DashboardTrendPoint => ({
  year,
  quarter,
  ytdPerCapitaNetFen: reportedHouseholds ? 100_000 * quarter : null,
  ytdPartsPerCapitaFen: null,
  reportedHouseholds,
});

describe('dashboard period', () => {
  it('finds the quarter of a date', () => {
    expect(periodOfDate('2026-03-31')).toEqual({ year: 2026, quarter: 1 });
    expect(periodOfDate('2026-04-01')).toEqual({ year: 2026, quarter: 2 });
    expect(periodOfDate('2026-11-22')).toEqual({ year: 2026, quarter: 4 });
    expect(periodOfDate('garbage')).toBeNull();
  });

  it('opens on the latest quarter with income, not the running one still being collected', () => {
    const trend = [point(2025, 4, 3000), point(2026, 1, 2990), point(2026, 2, 2985), point(2026, 3, 2980), point(2026, 4, 0)];
    expect(latestPeriodWithData(trend, '2026-11-22')).toEqual({ year: 2026, quarter: 3 });
  });

  it('passes over a quarter whose collection has barely begun', () => {
    const trend = [point(2026, 2, 2985), point(2026, 3, 2980), point(2026, 4, 3)];
    expect(latestPeriodWithData(trend, '2026-11-22')).toEqual({ year: 2026, quarter: 3 });
    // Half done is enough.
    expect(latestPeriodWithData([point(2026, 3, 2980), point(2026, 4, 1490)], '2026-11-22')).toEqual({ year: 2026, quarter: 4 });
  });

  it('ignores reports dated after today and reads counts given as text', () => {
    const trend = [point(2026, 1, 10), { ...point(2026, 2, 0), reportedHouseholds: '7' as unknown as number }, point(2026, 3, 5)];
    expect(latestPeriodWithData(trend, '2026-05-10')).toEqual({ year: 2026, quarter: 2 });
    expect(latestPeriodWithData([point(2026, 1, 0)], '2026-05-10')).toBeNull();
    expect(latestPeriodWithData([], '2026-05-10')).toBeNull();
  });

  it('reads the period from the address bar and drops malformed values', () => {
    expect(periodFromSearch(new URLSearchParams('year=2025&quarter=2'))).toEqual({ year: 2025, quarter: 2 });
    expect(periodFromSearch(new URLSearchParams('year=25&quarter=5'))).toEqual({ year: undefined, quarter: undefined });
    expect(periodFromSearch(new URLSearchParams(''))).toEqual({ year: undefined, quarter: undefined });
  });

  it('offers the trend years, today’s and the shown one, newest first', () => {
    expect(yearOptions([point(2024, 4, 1), point(2025, 1, 1)], '2026-01-05', 2023)).toEqual([2026, 2025, 2024, 2023]);
  });
});
