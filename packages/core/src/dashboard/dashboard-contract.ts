import type { CaseStatus, RiskType } from '../cases/case-workflow.ts';
import type { FocusGroup } from '../focus/focus-groups.ts';
import type { IncomePart } from '../registry/income-items.ts';
import type { HouseholdType, MonitoringCategory } from '../registry/registry-enums.ts';
import type { RegionLevel } from '../region-code.ts';

/**
 * The dashboard's answer for one region and one period (`GET /api/dashboard`). The server builds it from
 * pre-aggregated rollup rows only (quality goal 3: a city costs about what a county costs); the web app and the
 * dispatch report read the same shape. Money is in fen; shares and rates are fractions (0.125 = 12.5 %), null
 * when the denominator is zero or the comparison period has no data.
 */
export interface DashboardRegion {
  code: string;
  name: string;
  level: RegionLevel;
}

export interface Headcount {
  households: number;
  people: number;
}

export type IncomePartsFen = Record<IncomePart, number>;
export type IncomePartShares = Record<IncomePart, number | null>;

/**
 * Income of the households with a valid current record for the period. Records are year-to-date cumulative, so
 * `ytd*` figures grow through the year and the projection annualises them (core `annualise`). Per-capita figures
 * are weighted by people: Σ net ÷ Σ household size. Business is net of production costs (经营净收入), the way
 * seed 004 states its parts, so the four parts add up to net income.
 */
export interface DashboardIncome {
  /** Households / people counted (valid current records for year + quarter). */
  reported: Headcount;
  ytdPerCapitaNetFen: number | null;
  ytdPartsPerCapitaFen: IncomePartsFen | null;
  /** Year-end projection from the quarters so far. */
  projectedPerCapitaNetFen: number | null;
  projectedPartsPerCapitaFen: IncomePartsFen | null;
  partShares: IncomePartShares;
  /** The same quarter of the previous year, for the same region. */
  lastYearYtdPerCapitaNetFen: number | null;
  lastYearYtdPartsPerCapitaFen: IncomePartsFen | null;
  /** ytd ÷ last year's ytd − 1. */
  growthRate: number | null;
  partGrowthRates: IncomePartShares;
  /** Households with a record in both years' quarter (the denominator of the two "fell" shares). */
  comparableHouseholds: number;
  incomeFellHouseholds: number;
  incomeFellShare: number | null;
  businessFellHouseholds: number;
  businessFellShare: number | null;
  /** Reported households whose annualised per-capita net income is below the focus ledgers' threshold (drill `low_income`). */
  lowIncomeHouseholds?: number;
}

/** The target that applies: the region's own, or failing that the nearest ancestor's (`inheritedFrom`). */
export interface DashboardTarget {
  regionCode: string;
  inheritedFrom: DashboardRegion | null;
  year: number;
  perCapitaNetFen: number;
  partsFen: Partial<IncomePartsFen>;
  growthRate: number | null;
}

/** Projection − target (negative = short of target) and the share of the target reached. */
export interface DashboardGap {
  perCapitaNetFen: number;
  parts: Partial<IncomePartsFen>;
  reachedShare: number;
}

export interface DashboardFocusGroup {
  households: number;
  plansOpen: number;
  plansClosedOut: number;
  withoutPlan: number;
}

export interface DashboardTrendPoint {
  year: number;
  quarter: number;
  ytdPerCapitaNetFen: number | null;
  ytdPartsPerCapitaFen: IncomePartsFen | null;
  reportedHouseholds: number;
}

/** One child region in the ranking (townships of a county, villages of a township…). */
export interface DashboardChild extends DashboardRegion {
  households: number;
  people: number;
  monitoredHouseholds: number;
  ytdPerCapitaNetFen: number | null;
  projectedPerCapitaNetFen: number | null;
  targetPerCapitaNetFen: number | null;
  growthRate: number | null;
  incomeFellShare: number | null;
  businessFellShare: number | null;
  warningsOpen: number;
  casesOverdue: number;
}

export interface Dashboard {
  region: DashboardRegion;
  /** Parents from the top of the user's scope down to the region, for the breadcrumb. */
  path: DashboardRegion[];
  year: number;
  quarter: number;
  /** Server's today (the overdue counts are relative to it). */
  today: string;
  /** When the oldest rollup row read was last refreshed (ISO). */
  refreshedAt: string | null;
  population: {
    total: Headcount;
    byHouseholdType: Record<HouseholdType, Headcount>;
    byMonitoringCategory: Record<MonitoringCategory, Headcount>;
    /** Households with a monitoring category (监测户). */
    monitored: Headcount;
    /** Monitored households by risk type (a household with two risk types counts in both). */
    monitoredByRiskType: Record<RiskType, number>;
  };
  warnings: { open: number; openOverdue: number; closedThisYear: number };
  cases: {
    byStatus: Record<CaseStatus, number>;
    /** Active cases whose next deadline is within the due-soon window (orange) or past (red). */
    dueSoon: number;
    overdue: number;
  };
  income: DashboardIncome;
  target: DashboardTarget | null;
  gap: DashboardGap | null;
  focus: Record<FocusGroup, DashboardFocusGroup>;
  /** Quarter by quarter, the previous two years and this one up to `quarter`. */
  trend: DashboardTrendPoint[];
  children: DashboardChild[];
  /**
   * How many households each drill-down metric lists (the `total` the drill-down answers with). Mostly equal to the
   * figure shown; differs where the figure counts things rather than households (open warnings, cases by status).
   */
  drillCounts?: Partial<Record<DrillMetric, number>>;
}

/**
 * What a click on a dashboard number lists (`GET /api/dashboard/households?region&year&quarter&metric`). Each key
 * is one filter over the households behind a figure; the labels and explanations are shown next to the numbers.
 */
export const DRILL_METRICS = [
  'all',
  'monitored',
  'reported',
  'income_fell',
  'business_fell',
  'low_income',
  'warnings_open',
  'cases_active',
  'cases_due_soon',
  'cases_overdue',
  'plans_open',
  'plans_closed_out',
  'without_plan',
] as const;
export type DrillMetric =
  | (typeof DRILL_METRICS)[number]
  | `type:${HouseholdType}`
  | `category:${MonitoringCategory}`
  | `risk:${RiskType}`
  | `case:${CaseStatus}`
  | `focus:${FocusGroup}`;

/** A row of the drill-down list: masked, like every list. */
export interface DrillHousehold {
  id: string;
  householdNo: string;
  headName: string;
  villageCode: string;
  villageName: string;
  householdType: HouseholdType;
  monitoringCategory: MonitoringCategory | null;
  memberCount: number;
  latestPerCapitaAnnualFen: number | null;
}
