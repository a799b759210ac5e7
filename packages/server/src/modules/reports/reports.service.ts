import {
  CASE_STATE_LABELS, caseConfigSchema, chinaDate, daysBetween, deadlines, latestCollectedQuarter, replay, type CaseConfig, type Dashboard,
} from '@zengshou/core';
import type { Actor, AppDeps } from '../../platform/http/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { readCaseSettings } from '../cases/cases.service.ts';
import { regionWithinScope } from '../registry/registry.service.ts';
import { dispatchFigures, type DispatchFigure } from './dispatch-figures.ts';
import { childLength, halfMonthPeriod, monthPeriod } from './report-periods.ts';
import * as repo from './reports.repository.ts';

/** The dashboard module's builder, as the reports read it (one region, one quarter, the caller's scope). */
export interface DashboardSource {
  build(actor: Actor, query: { region: string; year: number; quarter: number }): Promise<Dashboard>;
}

export const PROGRESS_FIELDS = [
  'leadsOpened', 'identificationsApproved', 'eliminationsApproved', 'notIncluded', 'measuresAdded', 'measuresCompleted', 'overdueAtMonthEnd',
] as const;
export type ProgressField = (typeof PROGRESS_FIELDS)[number];
export type ProgressRow = { code: string; name: string } & Record<ProgressField, number>;

export const REVIEW_KINDS = ['township_review', 'elimination_township_review', 'identification_overdue', 'declaration_unvisited', 'warning_overdue'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = {
  township_review: '待乡镇审核（识别纳入）',
  elimination_township_review: '待乡镇审核（风险消除）',
  identification_overdue: '识别程序逾期',
  declaration_unvisited: '自主申报未入户核实',
  warning_overdue: '预警逾期未处置',
};

export interface ReviewItem {
  villageCode: string;
  villageName: string;
  townshipName: string;
  householdId: string;
  householdNo: string;
  headName: string;
  kind: ReviewKind;
  kindLabel: string;
  detail: string;
  caseNo: string | null;
  dueDate: string | null;
}

/**
 * A name on a list that leaves the office (printed for the review meeting, exported): the surname and one mark per
 * further character, as on the township's paper lists — enough to recognise a household next to its number.
 */
export function maskName(name: string | null): string {
  if (!name) return '';
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

export class ReportsService {
  constructor(
    private readonly deps: AppDeps,
    private readonly dashboards: DashboardSource,
  ) {}

  today(): string {
    return chinaDate(this.deps.clock.now().toISOString())!;
  }

  private async region(actor: Actor, requested: string | undefined) {
    const code = regionWithinScope(actor, requested);
    const row = await repo.regionName(this.deps.db.orm, code);
    if (!row) throw new NotFoundError('地区不存在');
    return row;
  }

  /**
   * County dispatch (县级每月调度): the dashboard for the quarter containing the month, and what the month's case
   * work did in each child region. "Overdue at month end" replays each case to the month's end (or to today, in the
   * running month) and applies the deadlines in force for its village.
   */
  async dispatch(actor: Actor, query: { region?: string | undefined; month: string }) {
    const region = await this.region(actor, query.region);
    const period = monthPeriod(query.month);
    const today = this.today();
    const asOf = today < period.lastDay ? today : period.lastDay;
    const to = today < period.lastDay ? this.deps.clock.now().toISOString() : period.to;
    const length = childLength(region.code);
    const orm = this.deps.db.orm;
    const [monthDashboard, children, progress, histories, caseSettings] = await Promise.all([
      this.dashboards.build(actor, { region: region.code, year: period.year, quarter: period.quarter }),
      length > region.code.length ? repo.childRegions(orm, region.code) : Promise.resolve([{ code: region.code, name: region.name }]),
      repo.progressByChild(orm, region.code, length, period.from, to),
      repo.caseHistoriesUpTo(orm, region.code, period.from, to),
      readCaseSettings(orm),
    ]);
    // The income figures are those of the last quarter collected by the month (November reports Q3 while Q4 is
    // still being collected); the section's title names the quarter.
    const collected = latestCollectedQuarter(monthDashboard.trend, { year: period.year, quarter: period.quarter });
    const dashboard = collected && (collected.year !== period.year || collected.quarter !== period.quarter)
      ? await this.dashboards.build(actor, { region: region.code, ...collected })
      : monthDashboard;
    const configFor = caseConfigResolver(caseSettings.regions);
    const overdue = new Map<string, number>();
    for (const h of histories) {
      const state = replay(h.events);
      const due = Object.values(deadlines(state, configFor(h.village_code))).sort()[0];
      if (due !== undefined && due < asOf) {
        const code = h.village_code.slice(0, length);
        overdue.set(code, (overdue.get(code) ?? 0) + 1);
      }
    }
    const byCode = new Map(progress.map((p) => [p.code, p]));
    const rows: ProgressRow[] = children.map((c) => {
      const p = byCode.get(c.code);
      return {
        code: c.code, name: c.name,
        leadsOpened: p?.leads_opened ?? 0, identificationsApproved: p?.identifications_approved ?? 0,
        eliminationsApproved: p?.eliminations_approved ?? 0, notIncluded: p?.not_included ?? 0,
        measuresAdded: p?.measures_added ?? 0, measuresCompleted: p?.measures_completed ?? 0, overdueAtMonthEnd: overdue.get(c.code) ?? 0,
      };
    });
    const total = Object.fromEntries(PROGRESS_FIELDS.map((f) => [f, rows.reduce((s, r) => s + r[f], 0)])) as Record<ProgressField, number>;
    return {
      region: { code: region.code, name: region.name, level: region.level },
      period: { ...period, asOf },
      generatedAt: this.deps.clock.now().toISOString(),
      figures: dispatchFigures(dashboard) satisfies DispatchFigure[],
      children: dashboard.children,
      progress: { rows, total },
    };
  }

  /**
   * Township review list (乡级半月研判): households the township must decide on or chase, by village — cases at
   * township review, identification past its deadline, self-declared leads not yet visited, and warnings past due
   * that nobody has taken up. It is the state when the list is made; the period names the meeting it is for.
   */
  async townshipReview(actor: Actor, query: { region?: string | undefined; date: string }) {
    const region = await this.region(actor, query.region);
    const period = halfMonthPeriod(query.date);
    const today = this.today();
    const orm = this.deps.db.orm;
    const [cases, warnings] = await Promise.all([
      repo.casesNeedingDecision(orm, region.code, today),
      repo.overdueWarnings(orm, region.code, this.deps.clock.now()),
    ]);
    const names = new Map((await repo.villageNames(orm, [...new Set([...cases, ...warnings].map((r) => r.village_code))])).map((v) => [v.code, v]));
    const base = (r: { village_code: string; household_id: string; household_no: string; head_name: string | null }) => ({
      villageCode: r.village_code, villageName: names.get(r.village_code)?.name ?? r.village_code,
      townshipName: names.get(r.village_code)?.township_name ?? '', householdId: r.household_id, householdNo: r.household_no, headName: maskName(r.head_name),
    });
    const late = (due: string | null) => (due && due < today ? `，已逾期 ${daysBetween(due, today)} 天` : '');
    const items: ReviewItem[] = cases.map((c) => {
      const kind: ReviewKind =
        c.status === 'township_review' || c.status === 'elimination_township_review' ? c.status
          : c.status === 'lead' && c.source === 'declaration' ? 'declaration_unvisited' : 'identification_overdue';
      const opened = chinaDate(c.opened_at.toISOString())!;
      const detail = kind === 'declaration_unvisited'
        ? `${opened} 自主申报，尚未入户核实${late(c.due_kind === 'home_check' ? c.due_date : null)}`
        : kind === 'identification_overdue'
          ? `${CASE_STATE_LABELS[c.status]}，识别时限 ${c.due_date}${late(c.due_date)}`
          : `${CASE_STATE_LABELS[c.status]}${c.due_date ? `，时限 ${c.due_date}${late(c.due_date)}` : ''}`;
      return { ...base(c), kind, kindLabel: REVIEW_KIND_LABELS[kind], detail, caseNo: c.case_no, dueDate: c.due_date };
    });
    for (const w of warnings) {
      const due = chinaDate(w.due_at.toISOString())!;
      items.push({ ...base(w), kind: 'warning_overdue', kindLabel: REVIEW_KIND_LABELS.warning_overdue, detail: `${w.title}，应于 ${due} 前处置${late(due)}`, caseNo: null, dueDate: due });
    }
    items.sort((a, b) => a.villageCode.localeCompare(b.villageCode) || a.householdNo.localeCompare(b.householdNo) || a.kind.localeCompare(b.kind));
    const grouped = new Map<string, ReviewItem[]>();
    for (const i of items) grouped.set(i.villageCode, [...(grouped.get(i.villageCode) ?? []), i]);
    const villages = [...grouped.entries()].map(([code, list]) => ({
      code, name: list[0]!.villageName, townshipName: list[0]!.townshipName, households: new Set(list.map((i) => i.householdId)).size, items: list,
    }));
    const byKind = Object.fromEntries(REVIEW_KINDS.map((k) => [k, items.filter((i) => i.kind === k).length])) as Record<ReviewKind, number>;
    return {
      region: { code: region.code, name: region.name, level: region.level },
      period: { ...period, date: query.date },
      generatedAt: this.deps.clock.now().toISOString(),
      households: new Set(items.map((i) => i.householdId)).size,
      byKind,
      villages,
    };
  }
}

/** The case deadlines in force for a village: defaults, overridden by each ancestor's setting, nearest last. */
function caseConfigResolver(regions: Record<string, Partial<CaseConfig>>) {
  const prefixes = Object.keys(regions).sort((a, b) => a.length - b.length);
  const cache = new Map<string, CaseConfig>();
  return (village: string): CaseConfig => {
    let config = cache.get(village);
    if (!config) {
      const merged: Partial<CaseConfig> = {};
      for (const p of prefixes) if (village.startsWith(p)) Object.assign(merged, regions[p]);
      config = caseConfigSchema.parse(merged) as CaseConfig;
      cache.set(village, config);
    }
    return config;
  };
}

export type DispatchReport = Awaited<ReturnType<ReportsService['dispatch']>>;
export type TownshipReview = Awaited<ReturnType<ReportsService['townshipReview']>>;
