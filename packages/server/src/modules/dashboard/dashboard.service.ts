import {
  CASE_STATES, EMPTY_INCOME_SUMS, FOCUS_GROUPS, HOUSEHOLD_TYPE, MONITORING_CATEGORY, RISK_TYPES,
  chinaDate, dashboardGap, dashboardIncome, focusLedgerConfigSchema, growthRate, perCapitaFen, regionLevelOf,
  shareOf, annualise,
  type CaseStatus, type Dashboard, type DashboardChild, type DashboardFocusGroup, type DashboardRegion, type DashboardTarget,
  type DrillHousehold, type DrillMetric, type FocusGroup, type Headcount, type HouseholdType, type IncomeSums,
  type MonitoringCategory, type RegionLevel, type RiskType,
} from '@zengshou/core';
import type { Actor, AppDeps } from '../../platform/http/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { DUE_SOON_DAYS } from '../cases/cases.service.ts';
import { regionWithinScope } from '../registry/registry.service.ts';
import * as rollups from '../rollups/rollups-read.repository.ts';
import type { RefreshRules } from '../rollups/rollups.repository.ts';
import { refreshStaleRollups } from '../rollups/rollups.service.ts';
import { readSetting } from '../settings/settings.repository.ts';
import { applicableTargets } from '../targets/targets.repository.ts';
import * as repo from './dashboard.repository.ts';

export interface DashboardQuery {
  region?: string | undefined;
  year?: number | undefined;
  quarter?: number | undefined;
}

export interface DrillListQuery extends DashboardQuery {
  metric: DrillMetric;
  group?: FocusGroup | undefined;
  page: number;
  pageSize: number;
}

const PREFIX_LENGTHS = [2, 4, 6, 9, 12];
const childLength = (region: string): number | null => PREFIX_LENGTHS.find((l) => l > region.length) ?? null;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Additive income sums of one rollup row (or none). */
function sumsOf(row: rollups.IncomeRow | undefined): IncomeSums {
  if (!row) return EMPTY_INCOME_SUMS;
  return {
    reportedHouseholds: row.reported_households,
    reportedPeople: row.reported_people,
    netFen: row.net_fen,
    partsFen: { wage: row.wage_fen, business: row.business_fen, property: row.property_fen, transfer: row.transfer_fen },
    comparableHouseholds: row.comparable_households,
    incomeFellHouseholds: row.income_fell_households,
    businessFellHouseholds: row.business_fell_households,
    lowIncomeHouseholds: row.low_income_households,
  };
}

const minDate = (dates: (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null);

/**
 * The dashboard of a region and period, from rollup rows only: the region's own rows (county, township, village) or
 * its counties' rows (city, province), so its cost does not grow with the number of households. Stale villages in
 * the region are refreshed first, so what is shown is never behind the detail rows.
 */
export class DashboardService {
  constructor(private readonly deps: AppDeps) {}

  private today(): string {
    return chinaDate(this.deps.clock.now().toISOString())!;
  }

  /** The region asked for, within the caller's scope and existing; 404 otherwise (like a missing record). */
  private async region(actor: Actor, asked: string | undefined): Promise<DashboardRegion> {
    const code = regionWithinScope(actor, asked);
    if (code.length < 2) throw new NotFoundError('请选择地区');
    const [row] = (await rollups.regionsAround(this.deps.db.orm, [code], '')).filter((r) => r.code === code);
    if (!row) throw new NotFoundError('地区不存在');
    return { code, name: row.name, level: regionLevelOf(code) };
  }

  /**
   * The period asked for; without a quarter, the latest of the year with reported income in `income` (the rows of
   * the whole year), or failing that today's.
   */
  private period(q: DashboardQuery, today: string, income: readonly rollups.IncomeRow[] = []): { year: number; quarter: number } {
    const year = q.year ?? Number(today.slice(0, 4));
    if (q.quarter) return { year, quarter: q.quarter };
    const reported = income.filter((r) => r.year === year && r.reported_households > 0).map((r) => r.quarter);
    return { year, quarter: reported.length > 0 ? Math.max(...reported) : Math.ceil(Number(today.slice(5, 7)) / 3) };
  }

  private async rules(): Promise<RefreshRules> {
    const stored = await readSetting<unknown>(this.deps.db.orm, 'focusLedgers');
    const focus = focusLedgerConfigSchema.parse(stored?.value ?? {});
    return { lowIncomeThresholdFen: focus.lowIncomeThresholdFen, focusHouseholdTypes: focus.householdTypes };
  }

  async build(actor: Actor, q: DashboardQuery): Promise<Dashboard> {
    const region = await this.region(actor, q.region);
    await refreshStaleRollups(this.deps, { scope: region.code });
    const orm = this.deps.db.orm;
    const today = this.today();
    const soonUntil = addDays(today, DUE_SOON_DAYS);
    const childLen = childLength(region.code);
    const askedYear = q.year ?? Number(today.slice(0, 4));
    const wholeYears: { year: number; quarter: number }[] = [];
    for (let y = askedYear - 2; y <= askedYear; y++) for (let qq = 1; qq <= 4; qq++) wholeYears.push({ year: y, quarter: qq });
    const pathCodes = PREFIX_LENGTHS.filter((l) => l >= Math.max(2, actor.scope.length) && l <= region.code.length).map((l) => region.code.slice(0, l));

    const [counts, income, due, regions] = await Promise.all([
      rollups.readCounts(orm, region.code, null),
      rollups.readIncome(orm, region.code, null, wholeYears),
      rollups.readDue(orm, region.code, null, today, soonUntil),
      rollups.regionsAround(orm, pathCodes, childLen ? region.code : ''),
    ]);
    const { year, quarter } = this.period(q, today, income);
    const trendPeriods = wholeYears.filter((p) => p.year < year || p.quarter <= quarter);
    const childRegions = regions.filter((r) => childLen !== null && r.parent_code === region.code && r.code.length === childLen);
    const [childCounts, childIncome, childDue, targets] = await Promise.all([
      childLen ? rollups.readCounts(orm, region.code, childLen, ['all', 'monitored', 'warnings_open']) : Promise.resolve([]),
      childLen ? rollups.readIncome(orm, region.code, childLen, [{ year, quarter }, { year: year - 1, quarter }]) : Promise.resolve([]),
      childLen ? rollups.readDue(orm, region.code, childLen, today, soonUntil) : Promise.resolve([]),
      applicableTargets(this.deps.db, [region.code, ...childRegions.map((c) => c.code)], year),
    ]);

    const metric = new Map(counts.map((c) => [c.metric, c]));
    const hc = (key: string): Headcount => ({ households: metric.get(key)?.households ?? 0, people: metric.get(key)?.people ?? 0 });
    const households = (key: string) => metric.get(key)?.households ?? 0;
    const items = (key: string) => metric.get(key)?.items ?? 0;
    const incomeAt = (y: number, qq: number) => income.find((r) => r.year === y && r.quarter === qq);

    const current = sumsOf(incomeAt(year, quarter));
    const incomeBlock = dashboardIncome(current, sumsOf(incomeAt(year - 1, quarter)), quarter);
    const target = targets.get(region.code) ?? null;
    const caseDue = due.find((d) => d.kind === 'case') ?? { overdue: 0, due_soon: 0 };
    const warningDue = due.find((d) => d.kind === 'warning') ?? { overdue: 0, due_soon: 0 };

    const byType = Object.fromEntries(HOUSEHOLD_TYPE.codes.map((t) => [t, hc(`type:${t}`)])) as Record<HouseholdType, Headcount>;
    const byCategory = Object.fromEntries(MONITORING_CATEGORY.codes.map((c) => [c, hc(`category:${c}`)])) as Record<MonitoringCategory, Headcount>;
    const byRisk = Object.fromEntries(RISK_TYPES.map((r) => [r, households(`risk:${r}`)])) as Record<RiskType, number>;
    const byStatus = Object.fromEntries(CASE_STATES.map((s) => [s, items(`case:${s}`)])) as Record<CaseStatus, number>;
    const focus = Object.fromEntries(FOCUS_GROUPS.map((g): [FocusGroup, DashboardFocusGroup] => [g, {
      households: households(`focus:${g}`),
      plansOpen: households(`plans_open:${g}`),
      plansClosedOut: households(`plans_closed_out:${g}`),
      withoutPlan: households(`without_plan:${g}`),
    }])) as Record<FocusGroup, DashboardFocusGroup>;

    const drillCounts: Partial<Record<DrillMetric, number>> = {
      reported: current.reportedHouseholds,
      income_fell: current.incomeFellHouseholds,
      business_fell: current.businessFellHouseholds,
      low_income: current.lowIncomeHouseholds,
      cases_due_soon: caseDue.due_soon,
      cases_overdue: caseDue.overdue,
    };
    for (const c of counts) {
      if (!c.metric.startsWith('warnings_closed:') && !/^(plans_open|plans_closed_out|without_plan):/.test(c.metric)) {
        drillCounts[c.metric as DrillMetric] = c.households;
      }
    }

    const nameOf = new Map(regions.map((n) => [n.code, n.name]));
    const children = this.children(childRegions, childCounts, childIncome, childDue, targets, year, quarter);

    return {
      region,
      path: pathCodes.map((code) => ({ code, name: nameOf.get(code) ?? code, level: regionLevelOf(code) })),
      year,
      quarter,
      today,
      refreshedAt: minDate([...counts.map((c) => c.refreshed_at), ...income.map((r) => r.refreshed_at)])?.toISOString() ?? null,
      population: {
        total: hc('all'),
        byHouseholdType: byType,
        byMonitoringCategory: byCategory,
        monitored: hc('monitored'),
        monitoredByRiskType: byRisk,
      },
      warnings: { open: items('warnings_open'), openOverdue: warningDue.overdue, closedThisYear: items(`warnings_closed:${year}`) },
      cases: { byStatus, dueSoon: caseDue.due_soon, overdue: caseDue.overdue },
      income: incomeBlock,
      target,
      gap: dashboardGap(incomeBlock, target),
      focus,
      trend: trendPeriods.map((p) => {
        const s = sumsOf(incomeAt(p.year, p.quarter));
        const block = dashboardIncome(s, EMPTY_INCOME_SUMS, p.quarter);
        return { ...p, ytdPerCapitaNetFen: block.ytdPerCapitaNetFen, ytdPartsPerCapitaFen: block.ytdPartsPerCapitaFen, reportedHouseholds: s.reportedHouseholds };
      }),
      children,
      drillCounts,
    };
  }

  /** The next level down, ranked by year-to-date per-capita net income (regions without income last). */
  private children(
    regions: { code: string; name: string; level: string }[],
    counts: rollups.CountRow[],
    income: rollups.IncomeRow[],
    due: { code: string; kind: string; overdue: number }[],
    targets: Map<string, DashboardTarget>,
    year: number,
    quarter: number,
  ): DashboardChild[] {
    const children = regions.map((r): DashboardChild => {
      const count = (metric: string) => counts.find((c) => c.code === r.code && c.metric === metric);
      const sums = (y: number) => sumsOf(income.find((i) => i.code === r.code && i.year === y && i.quarter === quarter));
      const now = sums(year);
      const ytd = perCapitaFen(now.netFen, now.reportedPeople);
      const last = sums(year - 1);
      return {
        code: r.code,
        name: r.name,
        level: r.level as RegionLevel,
        households: count('all')?.households ?? 0,
        people: count('all')?.people ?? 0,
        monitoredHouseholds: count('monitored')?.households ?? 0,
        ytdPerCapitaNetFen: ytd,
        projectedPerCapitaNetFen: ytd === null ? null : annualise(ytd, quarter),
        targetPerCapitaNetFen: targets.get(r.code)?.perCapitaNetFen ?? null,
        growthRate: growthRate(ytd, perCapitaFen(last.netFen, last.reportedPeople)),
        incomeFellShare: shareOf(now.incomeFellHouseholds, now.comparableHouseholds),
        businessFellShare: shareOf(now.businessFellHouseholds, now.comparableHouseholds),
        warningsOpen: count('warnings_open')?.items ?? 0,
        casesOverdue: due.find((d) => d.code === r.code && d.kind === 'case')?.overdue ?? 0,
      };
    });
    return children.sort((a, b) =>
      (b.ytdPerCapitaNetFen ?? -Infinity) - (a.ytdPerCapitaNetFen ?? -Infinity) || b.households - a.households || a.code.localeCompare(b.code));
  }

  /** The households behind one dashboard figure, a page at a time, with the total the figure showed. */
  async households(actor: Actor, q: DrillListQuery): Promise<{ total: number; items: DrillHousehold[] }> {
    const region = await this.region(actor, q.region);
    // The default quarter is read from the rollups, so they must be current for the list to match the figure.
    await refreshStaleRollups(this.deps, { scope: region.code });
    const today = this.today();
    const year = q.year ?? Number(today.slice(0, 4));
    const wholeYear = q.quarter ? [] : await rollups.readIncome(this.deps.db.orm, region.code, null, [1, 2, 3, 4].map((quarter) => ({ year, quarter })));
    const { quarter } = this.period(q, today, wholeYear);
    const query: repo.DrillQuery = {
      region: region.code, metric: q.metric, group: q.group ?? null, year, quarter, today, soonUntil: addDays(today, DUE_SOON_DAYS),
    };
    const rules = await this.rules();
    const orm = this.deps.db.orm;
    const [total, rows] = await Promise.all([
      repo.drillCount(orm, query, rules),
      repo.drillPage(orm, query, rules, q.pageSize, (q.page - 1) * q.pageSize),
    ]);
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        householdNo: r.household_no,
        headName: r.head_name ?? '',
        villageCode: r.village_code,
        villageName: r.village_name ?? '',
        householdType: r.household_type as HouseholdType,
        monitoringCategory: r.monitoring_category as MonitoringCategory | null,
        memberCount: r.member_count,
        latestPerCapitaAnnualFen: r.latest_per_capita_annual,
      })),
    };
  }
}
