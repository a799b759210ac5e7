import {
  annualise, effectiveLine, evaluateHouseholdWarnings, lineChangeProblem, warningConfigSchema,
  type HouseholdWarningFacts, type MonitoringLine, type WarningConfig,
} from '@zengshou/core';
import type { Actor, AppDeps } from '../../platform/http/context.ts';
import type { CopyValue } from '../../platform/db/database.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { readSetting } from '../settings/settings.repository.ts';
import * as repo from './monitoring.repository.ts';
import { FocusService } from '../focus/focus.service.ts';
import { thenRefreshRollups } from '../rollups/rollups.service.ts';

/** Days the village has to look into a new warning (Yunnan escalates items open longer than 10 days). */
export const WARNING_DUE_DAYS = 10;
const PAGE = 5_000;
/** Settings row holding the warning thresholds; edited through PUT /api/settings/warnings. */
export const WARNINGS_KEY = 'warnings';

export interface EvaluationActor {
  userId: string | null;
  username: string;
  scope: string;
  ip?: string | null;
}

export function toLines(rows: readonly repo.LineRow[]): MonitoringLine[] {
  return rows.map((r) => ({ regionCode: r.region_code, year: r.year, amountFen: r.amount_fen }));
}

export class MonitoringService {
  constructor(private readonly deps: AppDeps) {}

  async lines(actor: Actor) {
    const rows = await repo.linesAround(this.deps.db.orm, actor.scope);
    const lines = toLines(rows);
    const years = [...new Set(rows.map((r) => r.year))].sort();
    return {
      lines: rows.map((r) => ({ regionCode: r.region_code, year: r.year, amountFen: r.amount_fen, method: r.method, inputs: r.inputs, note: r.note, setAt: r.set_at.toISOString() })),
      effective: years.map((year) => ({ year, line: effectiveLine(lines, actor.scope, year) })),
    };
  }

  async setLine(actor: Actor, ip: string, input: { regionCode: string; year: number; amountFen: number; method: string; inputs?: unknown; note?: string | null | undefined }) {
    if (!input.regionCode.startsWith(actor.scope)) throw new NotFoundError('地区不存在');
    const existing = toLines(await repo.linesAround(this.deps.db.orm, input.regionCode));
    // The region's own current line for this year is being replaced: judge against the others.
    const others = existing.filter((l) => !(l.regionCode === input.regionCode && l.year === input.year));
    const problem = lineChangeProblem({ regionCode: input.regionCode, year: input.year, amountFen: input.amountFen }, others);
    if (problem) throw new ValidationError(problem);
    await this.deps.db.transaction(async (tx) => {
      const before = existing.find((l) => l.regionCode === input.regionCode && l.year === input.year) ?? null;
      await repo.setLine(tx, { ...input, inputs: input.inputs ?? null, note: input.note ?? null, by: actor.userId, at: this.deps.clock.now() });
      await this.deps.audit.append(tx, {
        action: 'monitoring.line', outcome: 'success', actor, ip, regionCode: input.regionCode, entity: 'monitoring_line',
        entityId: `${input.regionCode}:${input.year}`, before, after: { amountFen: input.amountFen, method: input.method, inputs: input.inputs ?? null },
      });
    });
    return this.lines(actor);
  }

  async config(): Promise<WarningConfig> {
    const stored = await readSetting<unknown>(this.deps.db.orm, WARNINGS_KEY);
    return warningConfigSchema.parse(stored?.value ?? {}) as WarningConfig;
  }

  /**
   * Re-evaluates every household in scope: one SQL pass reads the facts page by page, core's rules judge each
   * household, and one set-based step opens, refreshes and closes warnings. Idempotent.
   */
  async evaluate(actor: EvaluationActor, onProgress?: (done: number, total: number) => void) {
    const { db, clock, audit } = this.deps;
    const config = await this.config();
    const lines = toLines(await repo.linesAround(db.orm, actor.scope));
    const total = await repo.countHouseholdsIn(db.orm, actor.scope);
    const at = clock.now();
    return thenRefreshRollups(this.deps, db.transaction(async (tx) => {
      await repo.createEvaluationTables(tx);
      let cursor: { county: string; id: string } | null = null;
      let done = 0;
      let withFindings = 0;
      for (;;) {
        const page = await repo.factsPage(tx.orm, actor.scope, cursor, PAGE);
        if (page.length === 0) break;
        const findings: CopyValue[][] = [];
        const scores: CopyValue[][] = [];
        for (const row of page) {
          const result = evaluateHouseholdWarnings(factsOf(row, lines, at.getUTCFullYear()), config);
          if (result.findings.length > 0) withFindings++;
          for (const f of result.findings) {
            findings.push([row.county_code, row.id, row.village_code, f.ruleId, f.ruleVersion, f.title, f.explanation, f.score,
              JSON.stringify(f.facts), row.year, row.quarter]);
          }
          scores.push([row.county_code, row.id, result.riskScore]);
        }
        await tx.copyRows('eval_findings', repo.FINDING_COLUMNS, findings);
        await tx.copyRows('eval_scores', ['county_code', 'household_id', 'risk_score'], scores);
        done += page.length;
        onProgress?.(done, total);
        const last = page[page.length - 1]!;
        cursor = { county: last.county_code, id: last.id };
      }
      const changes = await repo.applyEvaluation(tx, actor.scope, at, WARNING_DUE_DAYS);
      // Re-judging every household also re-judges every one-household plan against its target.
      const plans = await new FocusService(this.deps).refreshPlanStatuses(actor.scope, at, { tx, by: { userId: actor.userId, username: actor.username, ip: actor.ip ?? null } });
      const summary = { households: done, householdsWithWarnings: withFindings, ...changes, plansClosedOut: plans.closedOut, plansReopened: plans.reopened };
      await audit.append(tx, {
        action: 'monitoring.evaluate', outcome: 'success', actor: actor.userId ? { userId: actor.userId, username: actor.username } : null,
        username: actor.username, ip: actor.ip ?? null, regionCode: actor.scope, detail: summary,
      });
      return summary;
    }));
  }

  async warnings(actor: Actor, q: { region?: string | undefined; status?: 'open' | 'closed' | undefined; ruleId?: string | undefined; householdId?: string | undefined; page: number; pageSize: number }) {
    const region = q.region ?? actor.scope;
    if (!region.startsWith(actor.scope)) throw new NotFoundError('地区不存在');
    const rows = await repo.listWarnings(this.deps.db.orm, { region, status: q.status ?? null, ruleId: q.ruleId ?? null, householdId: q.householdId ?? null }, q.pageSize, (q.page - 1) * q.pageSize);
    const now = this.deps.clock.now().getTime();
    return {
      total: rows[0]?.total ?? 0,
      counts: await repo.warningCounts(this.deps.db.orm, region),
      items: rows.map((w) => ({
        id: w.id, householdId: w.household_id, householdNo: w.household_no, headName: w.head_name, villageCode: w.village_code,
        villageName: w.village_name, ruleId: w.rule_id, ruleVersion: w.rule_version, source: w.source, status: w.status, title: w.title,
        explanation: w.explanation, score: w.score, facts: w.facts, period: w.period_year ? { year: w.period_year, quarter: w.period_quarter } : null,
        openedAt: w.opened_at.toISOString(), dueAt: w.due_at.toISOString(), closedAt: w.closed_at?.toISOString() ?? null, closeReason: w.close_reason,
        // The case this warning became a lead of, if any (the list links to it instead of offering a new lead).
        caseId: w.case_id,
        // Orange within two days of the deadline, red past it (the reviewer's queue is sorted by due date).
        urgency: w.status !== 'open' ? 'none' : w.due_at.getTime() < now ? 'overdue' : w.due_at.getTime() - now < 2 * 86_400_000 ? 'due_soon' : 'normal',
      })),
    };
  }
}

function factsOf(r: repo.FactsRow, lines: readonly MonitoringLine[], currentYear: number): HouseholdWarningFacts {
  const hasRecord = r.year !== null && r.quarter !== null && r.per_capita_net !== null;
  const year = r.year ?? currentYear;
  const quarter = r.quarter ?? 4;
  const parts = (w: number | null, b: number | null, p: number | null, t: number | null) => ({ wage: w ?? 0, business: b ?? 0, property: p ?? 0, transfer: t ?? 0 });
  return {
    householdId: r.id,
    villageCode: r.village_code,
    householdType: r.household_type,
    monitoringCategory: r.monitoring_category,
    year,
    quarter,
    perCapitaAnnualFen: hasRecord ? annualise(r.per_capita_net!, quarter) : null,
    lineFen: effectiveLine(lines, r.village_code, year)?.amountFen ?? null,
    previousYearSamePeriodPerCapitaAnnualFen: r.prev_per_capita_net === null ? null : annualise(r.prev_per_capita_net, quarter),
    parts: parts(r.wage, r.business, r.property, r.transfer),
    previousYearSamePeriodParts: r.prev_per_capita_net === null ? null : parts(r.prev_wage, r.prev_business, r.prev_property, r.prev_transfer),
    medicalOutOfPocketFen: r.medical ?? 0,
    schoolingSpendFen: 0,
    householdSize: r.household_size ?? Math.max(1, r.member_count),
    membersAbleToWork: r.able,
    memberCount: r.member_count,
    flags: { unsafeHousing: r.unsafe_housing, unsafeWater: r.unsafe_water, schoolDropout: r.school_dropout, uninsuredMember: r.uninsured_member },
  };
}
