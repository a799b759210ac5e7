import { divideFenRounded, type Fen } from '../money.ts';
import { INCOME_PARTS, type IncomePart } from '../registry/income-items.ts';
import { annualise } from '../registry/income.ts';
import type { DashboardGap, DashboardIncome, DashboardTarget, DashboardTrendPoint, IncomePartShares, IncomePartsFen } from './dashboard-contract.ts';

/**
 * The dashboard's derived figures from additive rollup sums. Rollup rows hold only counts and Σ fen, so any region's
 * sums are the sums of its children's; every ratio is taken here, once, at read time — a per-capita figure of a
 * city is Σ net ÷ Σ people over its households, never an average of its counties' averages.
 */

/** Additive income sums of one region and period (valid current records; business net of costs). */
export interface IncomeSums {
  reportedHouseholds: number;
  reportedPeople: number;
  netFen: Fen;
  partsFen: IncomePartsFen;
  comparableHouseholds: number;
  incomeFellHouseholds: number;
  businessFellHouseholds: number;
  lowIncomeHouseholds: number;
}

export const EMPTY_INCOME_SUMS: Readonly<IncomeSums> = Object.freeze({
  reportedHouseholds: 0,
  reportedPeople: 0,
  netFen: 0,
  partsFen: { wage: 0, business: 0, property: 0, transfer: 0 },
  comparableHouseholds: 0,
  incomeFellHouseholds: 0,
  businessFellHouseholds: 0,
  lowIncomeHouseholds: 0,
});

/** n ÷ d as a fraction; null when there is nothing to divide by. */
export function shareOf(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

/** Σ fen ÷ Σ people, rounded to the fen like every per-capita figure; null without people. */
export function perCapitaFen(totalFen: Fen, people: number): Fen | null {
  return people > 0 ? divideFenRounded(totalFen, people) : null;
}

/** now ÷ before − 1; null when either is missing or the base is not positive (a rate from ≤ 0 means nothing). */
export function growthRate(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before <= 0) return null;
  return now / before - 1;
}

function mapParts<T>(f: (p: IncomePart) => T): Record<IncomePart, T> {
  const out = {} as Record<IncomePart, T>;
  for (const p of INCOME_PARTS) out[p] = f(p);
  return out;
}

function partsPerCapita(s: IncomeSums): IncomePartsFen | null {
  if (s.reportedPeople <= 0) return null;
  return mapParts((p) => divideFenRounded(s.partsFen[p], s.reportedPeople));
}

/**
 * The income block of a dashboard. Records are year-to-date, so the year-end projection annualises the per-capita
 * figure of the quarters so far (core `annualise`: Q1 × 4, H1 × 2, Q3 × 4/3); growth compares like with like, the
 * same quarter's year-to-date a year earlier. Part shares are of net income, so with business net of costs they add
 * up to 1.
 */
export function dashboardIncome(current: IncomeSums, lastYear: IncomeSums, quarter: number): DashboardIncome {
  const ytd = perCapitaFen(current.netFen, current.reportedPeople);
  const ytdParts = partsPerCapita(current);
  const lastYtd = perCapitaFen(lastYear.netFen, lastYear.reportedPeople);
  const lastParts = partsPerCapita(lastYear);
  return {
    reported: { households: current.reportedHouseholds, people: current.reportedPeople },
    ytdPerCapitaNetFen: ytd,
    ytdPartsPerCapitaFen: ytdParts,
    projectedPerCapitaNetFen: ytd === null ? null : annualise(ytd, quarter),
    projectedPartsPerCapitaFen: ytdParts === null ? null : mapParts((p) => annualise(ytdParts[p], quarter)),
    partShares: mapParts((p) => (current.netFen > 0 ? current.partsFen[p] / current.netFen : null)),
    lastYearYtdPerCapitaNetFen: lastYtd,
    lastYearYtdPartsPerCapitaFen: lastParts,
    growthRate: growthRate(ytd, lastYtd),
    partGrowthRates: mapParts((p) => growthRate(ytdParts?.[p] ?? null, lastParts?.[p] ?? null)) as IncomePartShares,
    comparableHouseholds: current.comparableHouseholds,
    incomeFellHouseholds: current.incomeFellHouseholds,
    incomeFellShare: shareOf(current.incomeFellHouseholds, current.comparableHouseholds),
    businessFellHouseholds: current.businessFellHouseholds,
    businessFellShare: shareOf(current.businessFellHouseholds, current.comparableHouseholds),
    lowIncomeHouseholds: current.lowIncomeHouseholds,
  };
}

/**
 * Projection against the target: negative = short. Parts are compared only where the target states them and the
 * projection has them. Without a projection there is no gap to speak of.
 */
export function dashboardGap(income: Pick<DashboardIncome, 'projectedPerCapitaNetFen' | 'projectedPartsPerCapitaFen'>, target: DashboardTarget | null): DashboardGap | null {
  if (target === null || income.projectedPerCapitaNetFen === null) return null;
  const parts: Partial<IncomePartsFen> = {};
  for (const p of INCOME_PARTS) {
    const t = target.partsFen[p];
    const projected = income.projectedPartsPerCapitaFen?.[p];
    if (t !== undefined && projected !== undefined) parts[p] = projected - t;
  }
  return {
    perCapitaNetFen: income.projectedPerCapitaNetFen - target.perCapitaNetFen,
    parts,
    reachedShare: target.perCapitaNetFen > 0 ? income.projectedPerCapitaNetFen / target.perCapitaNetFen : 0,
  };
}

/**
 * The quarter whose figures a dashboard or a dispatch report shows by default: the latest one up to `upTo` whose
 * income collection is at least half done (half as many households reported as in the best-reported quarter).
 * Income is collected after a quarter ends, so the running quarter has nothing or a handful of early entries, and
 * a county reads the last collected one; a quarter with three households reported would rank empty bars.
 */
export function latestCollectedQuarter(
  points: readonly Pick<DashboardTrendPoint, 'year' | 'quarter' | 'reportedHouseholds'>[],
  upTo: { year: number; quarter: number } | null,
): { year: number; quarter: number } | null {
  const order = (p: { year: number; quarter: number }) => p.year * 10 + p.quarter;
  const eligible = points.filter((p) => Number(p.reportedHouseholds) > 0 && !(upTo && order(p) > order(upTo)));
  const most = Math.max(0, ...eligible.map((p) => Number(p.reportedHouseholds)));
  let best: { year: number; quarter: number } | null = null;
  for (const p of eligible) {
    if (Number(p.reportedHouseholds) * 2 < most) continue;
    if (!best || order(p) > order(best)) best = { year: p.year, quarter: p.quarter };
  }
  return best;
}
