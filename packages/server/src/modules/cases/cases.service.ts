import {
  CASE_EVENT_LABELS, CASE_STATE_LABELS, CASE_STEP_ROLES, DEFAULT_CASE_CONFIG, ROLE_LABELS, ELIMINATION_WAY_LABELS, MONITORING_CATEGORY, annualise, applyCaseEvent,
  caseConfigSchema, caseEventSchema, chinaDate, daysBetween, deadlines, decide, effectiveLine, eliminationProblems, formatYuan, labelOf, replay, stepsOpenTo,
  type CaseActor, type CaseConfig, type CaseContext, type CaseEvent, type CaseEventType, type CaseState, type CaseStatus, type EliminationFacts,
  type LeadSource, type MonitoringLine, type Role,
} from '@zengshou/core';
import type { Actor, AppDeps } from '../../platform/http/context.ts';
import type { Tx, Executor } from '../../platform/db/database.ts';
import { DomainError, ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '../../platform/errors.ts';
import { sql } from '../../platform/db/sql.ts';
import { readSetting, writeSetting } from '../settings/settings.repository.ts';
import { linesAround } from '../monitoring/monitoring.repository.ts';
import { toLines } from '../monitoring/monitoring.service.ts';
import * as repo from './cases.repository.ts';
import { thenRefreshRollups } from '../rollups/rollups.service.ts';

/** A step the workflow refuses (wrong role, wrong state, a guard): 422 with every Chinese reason. */
export class StepRefusedError extends DomainError {
  constructor(reasons: string[]) {
    super(422, 'case_step_refused', reasons.join('；'), { reasons });
  }
}
export class CaseExistsError extends DomainError {
  constructor(caseId: string, caseNo: string) {
    super(409, 'case_exists', `该户已有正在办理的案件 ${caseNo}`, { caseId, caseNo });
  }
}

/** Orange this many days before a deadline (red after it). */
export const DUE_SOON_DAYS = 2;

export type StepInput = { type: CaseEventType } & Record<string, unknown>;
export type BulkStep = 'township_reviewed' | 'county_approved' | 'elimination_township_reviewed' | 'elimination_county_approved';

/** What each role must act on (the "待我办理" queue). */
const QUEUE_STATUSES: Partial<Record<Role, readonly CaseStatus[]>> = {
  village_clerk: ['lead', 'home_check', 'in_notice', 'elimination_proposed', 'elimination_in_notice'],
  township_reviewer: ['township_review', 'elimination_township_review'],
  county_admin: ['county_approval', 'elimination_county_approval'],
};

const ELIMINATION_STEPS = new Set<CaseEventType>(['elimination_proposed', 'elimination_county_approved']);

/**
 * Monitoring cases: every step goes through core's `decide` against the state replayed from the stored events,
 * and is appended to the log together with the new projection in one transaction.
 */
export class CasesService {
  constructor(private readonly deps: AppDeps) {}

  /** Today on the China calendar, from the injected clock. */
  today(): string {
    return chinaDate(this.deps.clock.now().toISOString())!;
  }

  /** The workflow thresholds for a region: defaults, overridden by each ancestor's setting, nearest last. */
  async config(regionCode: string, orm: Executor = this.deps.db.orm): Promise<CaseConfig> {
    const { regions } = await readCaseSettings(orm);
    const merged: Partial<CaseConfig> = {};
    for (const prefix of Object.keys(regions).filter((p) => regionCode.startsWith(p)).sort((a, b) => a.length - b.length)) {
      Object.assign(merged, regions[prefix]);
    }
    return caseConfigSchema.parse(merged) as CaseConfig;
  }

  settings() {
    return readCaseSettings(this.deps.db.orm);
  }

  async auditNoticeExport(actor: Actor, ip: string, village: string, kind: string, rows: number) {
    await this.deps.audit.appendStandalone({ action: 'export', outcome: 'success', actor, ip, regionCode: village, entity: 'case_notice', detail: { kind, rows, format: 'xlsx' } });
  }

  async updateSettings(actor: Actor, ip: string, version: number, regions: Record<string, Partial<CaseConfig>>) {
    for (const [prefix, partial] of Object.entries(regions)) {
      if (!/^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$/.test(prefix)) throw new ValidationError(`地区代码 ${prefix} 不正确`);
      const parsed = caseConfigSchema.safeParse(partial);
      if (!parsed.success) throw new ValidationError(`${prefix}：${parsed.error.issues.map((i) => i.message).join('；')}`);
    }
    const before = await readCaseSettings(this.deps.db.orm);
    const saved = await this.deps.db.transaction(async (tx) => {
      if (!(await writeSetting(tx.orm, 'cases', { regions }, version))) return false;
      await this.deps.audit.append(tx, {
        action: 'settings.update', outcome: 'success', actor, ip, entity: 'settings', entityId: 'cases', before: before.regions, after: regions,
      });
      return true;
    });
    if (!saved) throw new VersionConflictError(await readCaseSettings(this.deps.db.orm));
    return readCaseSettings(this.deps.db.orm);
  }

  // -------------------------------------------------------------------------------------------------------
  // Reading

  async detail(actor: Actor, id: string, orm: Executor = this.deps.db.orm) {
    const row = await repo.findCase(orm, actor.scope, id);
    if (!row) throw new NotFoundError('案件不存在');
    const events = await repo.eventsOf(orm, row.county_code, row.id);
    const state = replay(events.map((e) => e.event));
    const config = await this.config(row.village_code, orm);
    let problems: string[] | null = null;
    if (state.status === 'monitored') {
      const facts = await this.eliminationFacts(orm, row.county_code, row.household_id, row.village_code);
      problems = eliminationProblems(state, 'through_help', this.today(), { config, facts });
    }
    const warning = row.warning_id ? await repo.warningOf(orm, row.county_code, row.warning_id) : undefined;
    return {
      ...this.summary(row, state),
      state,
      events: events.map((e) => {
        const { at: _at, actor: _actor, type, ...data } = e.event;
        return { seq: e.seq, type, label: CASE_EVENT_LABELS[type], at: e.at.toISOString(), actorName: e.actor_name, data };
      }),
      measures: state.measures,
      nextSteps: stepsOpenTo(state, actor.roles).map((type) => ({ type, label: CASE_EVENT_LABELS[type] })),
      eliminationProblems: problems,
      config,
      warning: warning ? { id: warning.id, title: warning.title, explanation: warning.explanation } : null,
      // The server's date: step forms default to it (a browser's clock may be wrong, or the server's moved for training).
      today: this.today(),
    };
  }

  summary(row: repo.CaseRow, state: CaseState = row.state) {
    const today = this.today();
    const due = row.due_date ? { kind: row.due_kind, date: row.due_date } : null;
    const urgency = !due ? 'none' : due.date < today ? 'overdue' : daysBetween(today, due.date) <= DUE_SOON_DAYS ? 'due_soon' : 'normal';
    return {
      id: row.id,
      caseNo: row.case_no,
      householdId: row.household_id,
      householdNo: row.household_no,
      headName: row.head_name,
      villageCode: row.village_code,
      villageName: row.village_name,
      townshipName: row.township_name,
      status: state.status ?? row.status,
      statusLabel: CASE_STATE_LABELS[state.status ?? row.status],
      source: state.source ?? (row.source as LeadSource),
      disaster: state.disaster,
      category: state.category,
      riskTypes: state.riskTypes,
      proposal: state.proposal,
      notice: state.notice,
      measureCount: state.measures.length,
      openedAt: row.opened_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      version: row.version,
      due,
      urgency,
    };
  }

  async list(actor: Actor, q: { region?: string | undefined; queue?: 'mine' | 'all' | 'overdue' | undefined; status?: CaseStatus | undefined; householdId?: string | undefined; page: number; pageSize: number }) {
    const region = q.region ?? actor.scope;
    if (!region.startsWith(actor.scope)) throw new NotFoundError('地区不存在');
    const today = this.today();
    const filter: repo.CaseListFilter = {
      region,
      statuses: q.status ? [q.status] : null,
      householdId: q.householdId ?? null,
      overdueOn: q.queue === 'overdue' ? today : null,
      queue: q.queue === 'mine' ? this.queueCondition(actor.roles, today) : null,
    };
    const [rows, counts] = await Promise.all([
      repo.listCases(this.deps.db.orm, filter, q.pageSize, (q.page - 1) * q.pageSize),
      repo.caseCounts(this.deps.db.orm, filter, today, DUE_SOON_DAYS),
    ]);
    const byStatus = Object.fromEntries(counts.byStatus.map((c) => [c.status, c.n]));
    return { total: rows[0]?.total ?? 0, counts: { byStatus, overdue: counts.overdue, dueSoon: counts.dueSoon }, items: rows.map((r) => this.summary(r)) };
  }

  private queueCondition(roles: readonly Role[], today: string) {
    const statuses = [...new Set(roles.flatMap((r) => QUEUE_STATUSES[r] ?? []))];
    const parts = [sql`c.status = ANY(${sql.param(statuses)}::text[])`];
    // The village also owes the first measures of a newly included household; the county watches everything overdue.
    if (roles.includes('village_clerk')) parts.push(sql`(c.status = 'monitored' AND jsonb_array_length(c.state->'measures') = 0)`);
    if (roles.includes('county_admin')) parts.push(sql`c.due_date < ${today}::date`);
    return sql.join(parts, sql` OR `);
  }

  /**
   * The household facts the elimination guards read: labour, the problem flags, and how long income has stayed
   * above the line — consecutive valid quarters from the latest back, three months each.
   */
  async eliminationFacts(orm: Executor, county: string, householdId: string, villageCode: string): Promise<EliminationFacts> {
    // Sequential: inside a transaction these share one connection.
    const facts = await repo.householdFacts(orm, county, householdId);
    const income = await repo.validIncome(orm, county, householdId);
    const lineRows = await linesAround(orm, villageCode);
    const lines = toLines(lineRows);
    let quartersAbove = 0;
    let latestAbove: boolean | undefined;
    for (const [i, r] of income.entries()) {
      const line = lineFor(lines, villageCode, r.year);
      const above = line !== null && annualise(r.per_capita_net, r.quarter) > line;
      if (i === 0) latestAbove = line === null ? undefined : above;
      if (!above) break;
      quartersAbove++;
    }
    const f = facts!;
    const result: EliminationFacts = {
      incomeAboveLineMonths: quartersAbove * 3,
      problemFlagsCleared: !(f.unsafe_housing || f.unsafe_water || f.school_dropout || f.uninsured_member),
      membersAbleToWork: f.able,
    };
    if (latestAbove !== undefined) result.perCapitaAboveLine = latestAbove;
    return result;
  }

  // -------------------------------------------------------------------------------------------------------
  // Writing

  async openLead(actor: Actor, ip: string, input: { householdId: string; source: 'warning' | 'cadre'; warningId?: string | undefined; disaster?: boolean | undefined; note?: string | undefined; requestId?: string | undefined }) {
    const leadRoles = CASE_STEP_ROLES.lead_opened;
    // Checked before anything is looked up, so the answer never depends on whether the household exists.
    if (!actor.roles.some((r) => leadRoles.includes(r))) throw new ForbiddenError(`只有${leadRoles.map((r) => ROLE_LABELS[r]).join('、')}可以登记线索`);
    const id = await thenRefreshRollups(this.deps, this.deps.db.transaction(async (tx) => {
      if (input.requestId) {
        const done = await repo.eventByRequest(tx.orm, input.requestId);
        if (done) return done.case_id;
      }
      const household = await repo.householdInScope(tx.orm, actor.scope, input.householdId);
      if (!household) throw new NotFoundError('农户不存在');
      const active = await repo.activeCaseOf(tx.orm, household.county_code, household.id);
      if (active) throw new CaseExistsError(active.id, active.case_no);
      let warningId: string | null = null;
      if (input.source === 'warning') {
        const warning = input.warningId ? await repo.warningOf(tx.orm, household.county_code, input.warningId) : undefined;
        if (!warning || warning.household_id !== household.id) throw new ValidationError('预警记录不存在或不属于该户');
        if (warning.status !== 'open') throw new ValidationError('该预警已关闭，不能再转为线索');
        warningId = warning.id;
      }
      const event = this.parseEvent({
        type: 'lead_opened', source: input.source, householdId: household.id,
        ...(warningId ? { warningId } : {}), ...(input.disaster ? { disaster: true } : {}), ...(input.note ? { note: input.note } : {}),
      }, { userId: actor.userId, roles: actor.roles }, this.deps.clock.now());
      const { caseId } = await this.insertLead(tx, household, event, { warningId, requestId: input.requestId ?? null, actorId: actor.userId, actorName: actor.displayName });
      await this.deps.audit.append(tx, {
        action: 'case.lead_opened', outcome: 'success', actor, ip, regionCode: household.village_code, entity: 'case', entityId: caseId,
        after: { source: input.source, warningId, disaster: input.disaster === true },
      });
      return caseId;
    }));
    return this.detail(actor, id);
  }

  /**
   * A lead the platform records on its own — a household's self-declaration or a department's matched list — inside
   * the caller's transaction (the caller audits). A household whose case is already running keeps that one case:
   * the answer names it with `created: false`, and the caller attaches its signal to it.
   */
  async openSystemLead(tx: Tx, input: { countyCode: string; householdId: string; villageCode: string; source: 'declaration' | 'department'; note?: string; disaster?: boolean; warningId?: string; requestId?: string | null }) {
    const active = await repo.activeCaseOf(tx.orm, input.countyCode, input.householdId);
    if (active) return { caseId: active.id, caseNo: active.case_no, created: false };
    const event = this.parseEvent({
      type: 'lead_opened', source: input.source, householdId: input.householdId,
      ...(input.disaster ? { disaster: true } : {}), ...(input.note ? { note: input.note.slice(0, 2000) } : {}),
    }, { userId: `system:${input.source}`, roles: [], system: true }, this.deps.clock.now());
    const household = { county_code: input.countyCode, id: input.householdId, village_code: input.villageCode };
    const actorName = input.source === 'declaration' ? '农户自主申报（系统登记）' : '部门筛查（系统登记）';
    // The warning a department list pushed with the lead is linked to the case (the event's own warningId is for leads
    // converted from a warning by a person).
    const lead = await this.insertLead(tx, household, event, { warningId: input.warningId ?? null, requestId: input.requestId ?? null, actorId: null, actorName });
    return { ...lead, created: true };
  }

  /** Decides and stores the opening event of a new case with its projection. */
  private async insertLead(tx: Tx, household: { county_code: string; id: string; village_code: string }, event: CaseEvent, meta: { warningId: string | null; requestId: string | null; actorId: string | null; actorName: string }) {
    const config = await this.config(household.village_code, tx.orm);
    const decision = decide(replay([]), event, { config });
    if (!decision.ok) throw new StepRefusedError(decision.reasons);
    const state = applyCaseEvent(replay([]), event);
    const year = Number(chinaDate(event.at)!.slice(0, 4));
    const number = await repo.nextCaseNumber(tx, household.county_code, year);
    const caseId = crypto.randomUUID();
    const caseNo = `${household.county_code}-${year}-${String(number).padStart(5, '0')}`;
    await repo.insertCase(tx, {
      county: household.county_code, id: caseId, caseNo, householdId: household.id, villageCode: household.village_code,
      source: state.source!, warningId: meta.warningId, openedAt: new Date(event.at), ...projection(state, config, new Date(event.at)),
    });
    await repo.appendEvent(tx, { county: household.county_code, caseId, seq: 1, event, actorId: meta.actorId, actorName: meta.actorName, requestId: meta.requestId });
    if (meta.warningId) await repo.linkWarning(tx, household.county_code, meta.warningId, caseId);
    return { caseId, caseNo };
  }

  async step(actor: Actor, ip: string, caseId: string, input: { expectedVersion: number; requestId?: string | undefined; event: StepInput }) {
    await thenRefreshRollups(this.deps, this.deps.db.transaction(async (tx) => {
      if (input.requestId) {
        const done = await repo.eventByRequest(tx.orm, input.requestId);
        // The same request again (a retry after a lost reply): already done, answer with the current case.
        if (done && done.case_id === caseId) return;
        if (done) throw new ValidationError('请求编号已用于其他案件');
      }
      const row = await repo.findCase(tx.orm, actor.scope, caseId, true);
      if (!row) throw new NotFoundError('案件不存在');
      if (row.version !== input.expectedVersion) throw new VersionConflictError(this.summary(row));
      await this.applyStep(tx, actor, ip, row, input.event, input.requestId ?? null);
    }));
    return this.detail(actor, caseId);
  }

  /** Decides and stores one step on a locked case row; throws StepRefusedError with the reasons when refused. */
  private async applyStep(tx: Tx, actor: Actor, ip: string, row: repo.CaseRow, input: StepInput, requestId: string | null) {
    const events = await repo.eventsOf(tx.orm, row.county_code, row.id);
    const state = replay(events.map((e) => e.event));
    const now = this.deps.clock.now();
    const event = this.parseEvent(input, { userId: actor.userId, roles: actor.roles }, now);
    const config = await this.config(row.village_code, tx.orm);
    const context: CaseContext = { config };
    if (ELIMINATION_STEPS.has(event.type)) context.facts = await this.eliminationFacts(tx.orm, row.county_code, row.household_id, row.village_code);
    const decision = decide(state, event, context);
    if (!decision.ok) throw new StepRefusedError(decision.reasons);
    const next = applyCaseEvent(state, event);
    await repo.appendEvent(tx, { county: row.county_code, caseId: row.id, seq: events.length + 1, event, actorId: actor.userId, actorName: actor.displayName, requestId });
    await repo.updateProjection(tx, row.county_code, row.id, projection(next, config, now));
    if (event.type === 'measure_added' || event.type === 'measure_updated') {
      await repo.replaceMeasures(tx, { county: row.county_code, caseId: row.id, householdId: row.household_id, villageCode: row.village_code }, next.measures);
    }
    if (event.type === 'county_approved' && event.decision === 'approve' && next.category) {
      await repo.setHouseholdCategory(tx, row.county_code, row.household_id, next.category);
    }
    const { at: _at, actor: _actor, ...data } = event;
    await this.deps.audit.append(tx, {
      action: `case.${event.type}`, outcome: 'success', actor, ip, regionCode: row.village_code, entity: 'case', entityId: row.id,
      before: { status: state.status }, after: { status: next.status, caseNo: row.case_no }, detail: data,
    });
  }

  /**
   * Bulk approval of clean items (one confirmation in the UI). Each case is decided on its own; the ones the
   * workflow accepts are stored together in one transaction and the refused ones are reported with their reasons.
   */
  async bulk(actor: Actor, ip: string, input: { step: BulkStep; items: { caseId: string; expectedVersion: number }[] }) {
    const allowed = CASE_STEP_ROLES[input.step];
    if (!actor.roles.some((r) => allowed.includes(r))) {
      throw new StepRefusedError([`只有${allowed.map((r) => ROLE_LABELS[r]).join('、')}可以批量${CASE_EVENT_LABELS[input.step]}`]);
    }
    const applied: string[] = [];
    const refused: { caseId: string; caseNo: string | null; reason: string }[] = [];
    await thenRefreshRollups(this.deps, this.deps.db.transaction(async (tx) => {
      for (const item of input.items) {
        const row = await repo.findCase(tx.orm, actor.scope, item.caseId, true);
        if (!row) {
          refused.push({ caseId: item.caseId, caseNo: null, reason: '案件不存在' });
          continue;
        }
        if (row.version !== item.expectedVersion) {
          refused.push({ caseId: row.id, caseNo: row.case_no, reason: '案件已被他人处理，请刷新后重试' });
          continue;
        }
        const event = bulkEvent(input.step, row.state);
        if (typeof event === 'string') {
          refused.push({ caseId: row.id, caseNo: row.case_no, reason: event });
          continue;
        }
        try {
          await this.applyStep(tx, actor, ip, row, event, null);
          applied.push(row.id);
        } catch (error) {
          if (!(error instanceof StepRefusedError)) throw error;
          refused.push({ caseId: row.id, caseNo: row.case_no, reason: error.message });
        }
      }
    }));
    return { applied, refused };
  }

  private parseEvent(input: Record<string, unknown>, actor: CaseActor, now: Date): CaseEvent {
    const parsed = caseEventSchema.safeParse({ ...input, at: now.toISOString(), actor });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => i.message);
      throw new ValidationError(issues.join('；'), { issues });
    }
    return parsed.data as CaseEvent;
  }

  // -------------------------------------------------------------------------------------------------------
  // Public notice (公示名单) and household timeline

  async notices(actor: Actor, q: { village: string; kind: 'identification' | 'elimination' }) {
    if (!q.village.startsWith(actor.scope)) throw new NotFoundError('地区不存在');
    const rows = await repo.casesInNotice(this.deps.db.orm, q.village, q.kind === 'identification' ? 'in_notice' : 'elimination_in_notice');
    const names = new Map((await repo.regionNames(this.deps.db.orm, [q.village, q.village.slice(0, 9), q.village.slice(0, 6)])).map((r) => [r.code, r.name]));
    // A notice on the village wall: name, address, household size, the proposed category or the way of elimination
    // and the notice period — never an ID number, a phone, a bank account or anything about health.
    return {
      villageCode: q.village,
      villageName: names.get(q.village) ?? null,
      townshipName: names.get(q.village.slice(0, 9)) ?? null,
      countyName: names.get(q.village.slice(0, 6)) ?? null,
      kind: q.kind,
      items: rows.map((r) => ({
        caseNo: r.case_no,
        headName: r.head_name,
        address: r.address,
        memberCount: r.member_count,
        categoryLabel: q.kind === 'identification' && r.state.proposal?.category ? labelOf(MONITORING_CATEGORY, r.state.proposal.category) : null,
        eliminationWayLabel: q.kind === 'elimination' && r.state.elimination ? ELIMINATION_WAY_LABELS[r.state.elimination.way] : null,
        startDate: r.state.notice?.startDate ?? null,
        endDate: r.state.notice?.endDate ?? null,
      })),
    };
  }

  async timeline(actor: Actor, householdId: string) {
    const household = await repo.householdInScope(this.deps.db.orm, actor.scope, householdId);
    if (!household) throw new NotFoundError('农户不存在');
    const rows = await repo.timeline(this.deps.db.orm, household.county_code, household.id, 500);
    return {
      items: rows.map((r) => ({
        at: r.at.toISOString(),
        kind: r.kind,
        title: timelineTitle(r),
        detail: timelineDetail(r),
        caseId: r.case_id,
        caseNo: r.case_no,
      })),
    };
  }
}

function timelineTitle(r: repo.TimelineRow): string {
  switch (r.kind) {
    case 'warning_opened':
      return `预警：${r.title}`;
    case 'warning_closed':
      return `预警解除：${r.title}`;
    case 'case_event':
      return `案件 ${r.case_no}：${CASE_EVENT_LABELS[r.title as CaseEventType] ?? r.title}`;
    case 'income_recorded':
      return `录入 ${r.year} 年第 ${r.quarter} 季度收入${r.status === 'to_verify' ? '（待核实）' : ''}${r.superseded ? '（已被修订）' : ''}`;
  }
}

function timelineDetail(r: repo.TimelineRow): string | null {
  switch (r.kind) {
    case 'case_event':
      return `经办人：${r.detail}`;
    case 'income_recorded': {
      const yuan = r.amount === null ? '' : `截至本季度人均纯收入 ${formatYuan(r.amount)}`;
      const source = r.title.startsWith('import:') ? '批量导入' : '表单录入';
      return [yuan, source, r.detail].filter(Boolean).join('；');
    }
    default:
      return r.detail;
  }
}

/** The line for an income year; a year without a line yet is judged against the latest earlier one (lines only rise). */
function lineFor(lines: readonly MonitoringLine[], villageCode: string, year: number): number | null {
  for (let y = year; y >= year - 5; y--) {
    const line = effectiveLine(lines, villageCode, y);
    if (line) return line.amountFen;
  }
  return null;
}

/**
 * Stores a whole case history at once (the demo's cases, the tests' fixtures). Every event still passes `decide` in
 * order, so what is stored is a history the workflow could have produced.
 */
export async function storeCaseHistory(
  tx: Tx,
  h: { countyCode: string; householdId: string; villageCode: string },
  events: readonly CaseEvent[],
  o: {
    config: CaseConfig; caseNo: string; source: LeadSource; warningId: string | null; actorName: (e: CaseEvent) => string;
    /** Household facts for elimination steps in the history (an imported elimination states them; see exchange-cases.ts). */
    facts?: EliminationFacts;
  },
) {
  let state = replay([]);
  for (const e of events) {
    const d = decide(state, e, o.facts ? { config: o.config, facts: o.facts } : { config: o.config });
    if (!d.ok) throw new Error(`${e.type} refused: ${d.reason}`);
    state = applyCaseEvent(state, e);
  }
  const id = crypto.randomUUID();
  await repo.insertCase(tx, {
    county: h.countyCode, id, caseNo: o.caseNo, householdId: h.householdId, villageCode: h.villageCode, source: o.source, warningId: o.warningId,
    openedAt: new Date(events[0]!.at), ...projection(state, o.config, new Date(events.at(-1)!.at)),
  });
  for (const [i, event] of events.entries()) {
    await repo.appendEvent(tx, { county: h.countyCode, caseId: id, seq: i + 1, event, actorId: event.actor.system ? null : event.actor.userId, actorName: o.actorName(event), requestId: null });
  }
  await repo.replaceMeasures(tx, { county: h.countyCode, caseId: id, householdId: h.householdId, villageCode: h.villageCode }, state.measures);
  if (o.warningId) await repo.linkWarning(tx, h.countyCode, o.warningId, id);
  return { id, state };
}

/** The stored projection of a state: status, state, version and the earliest deadline still open. */
export function projection(state: CaseState, config: CaseConfig, at: Date): repo.Projection {
  const d = deadlines(state, config);
  const candidates = ([['home_check', d.homeCheckDue], ['identification', d.identificationDue], ['measures', d.measuresDue]] as const)
    .filter((c): c is readonly ['home_check' | 'identification' | 'measures', string] => c[1] !== undefined)
    .sort((a, b) => a[1].localeCompare(b[1]));
  return { status: state.status!, state, version: state.eventCount, dueKind: candidates[0]?.[0] ?? null, dueDate: candidates[0]?.[1] ?? null, at };
}

/** The step a bulk action takes on one case, or why the case is not clean enough for it. */
function bulkEvent(step: BulkStep, state: CaseState): StepInput | string {
  switch (step) {
    case 'township_reviewed':
      return { type: step, decision: 'pass', note: '批量审核通过' };
    case 'elimination_township_reviewed':
      return { type: step, decision: 'pass', note: '批量审核通过' };
    case 'elimination_county_approved':
      return { type: step, decision: 'approve', note: '批量审定通过' };
    case 'county_approved': {
      const p = state.proposal;
      // Only a clean item is approved in bulk: the village proposed a category and risk types the county confirms.
      if (!p?.category || p.riskTypes.length === 0) return '村级未提出拟纳入类别和风险类型，请逐户审定';
      return {
        type: step, decision: 'approve', category: p.category, riskTypes: p.riskTypes,
        ...(p.disasterSubtype ? { disasterSubtype: p.disasterSubtype } : {}), note: '批量审定通过',
      };
    }
  }
}


/** The stored per-region thresholds (settings key 'cases'), with its version for optimistic locking. */
export async function readCaseSettings(orm: Executor) {
  const stored = await readSetting<{ regions?: Record<string, Partial<CaseConfig>> }>(orm, 'cases');
  return { version: stored?.version ?? 0, regions: stored?.value.regions ?? {}, defaults: DEFAULT_CASE_CONFIG };
}
