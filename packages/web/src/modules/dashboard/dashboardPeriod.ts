import { latestCollectedQuarter, type DashboardTrendPoint } from '@zengshou/core';

export interface Period {
  year: number;
  quarter: number;
}

export const QUARTERS = [1, 2, 3, 4] as const;

/** The quarter a China-calendar date (YYYY-MM-DD) falls in. */
export function periodOfDate(date: string): Period | null {
  const match = /^(\d{4})-(\d{2})/.exec(date);
  if (!match) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return { year: Number(match[1]), quarter: Math.ceil(month / 3) };
}

/** The quarter a dashboard opens on: the latest collected one up to today (core `latestCollectedQuarter`). */
export function latestPeriodWithData(trend: readonly DashboardTrendPoint[], today: string): Period | null {
  return latestCollectedQuarter(trend, periodOfDate(today));
}

/** The period kept in the address bar (?year=2026&quarter=3); anything malformed is left to the default. */
export function periodFromSearch(search: URLSearchParams): Partial<Period> {
  const year = Number(search.get('year'));
  const quarter = Number(search.get('quarter'));
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    quarter: (QUARTERS as readonly number[]).includes(quarter) ? quarter : undefined,
  };
}

/** Years offered in the selector: the ones the trend covers, today's, and the one shown; newest first. */
export function yearOptions(trend: readonly DashboardTrendPoint[], today: string, shown: number): number[] {
  const years = new Set<number>([shown]);
  for (const point of trend) years.add(point.year);
  const now = periodOfDate(today);
  if (now) years.add(now.year);
  return [...years].sort((a, b) => b - a);
}
