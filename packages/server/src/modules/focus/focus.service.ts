import {
  FOCUS_GROUPS, focusGroupsOf, focusLedgerConfigSchema, targetYearProblem,
  type FocusGroup, type FocusLedgerConfig, type FocusPlanParsed, type PlanStatusFilter,
} from '@zengshou/core';
import type { Tx } from '../../platform/db/database.ts';
import type { Actor, AppDeps } from '../../platform/http/context.ts';
import { NotFoundError, UniqueViolationError, ValidationError, VersionConflictError } from '../../platform/errors.ts';
import { regionWithinScope } from '../registry/registry.service.ts';
import { readSetting } from '../settings/settings.repository.ts';
import { factsOf, presentLedgerRow, presentPlanDetail, type PlanDetail } from './focus.presenter.ts';
import * as repo from './focus.repository.ts';
import { refreshRollupsAfterWrite } from '../rollups/rollups.service.ts';

/** The calendar year in China (UTC+8): a county's "this year" turns at its own midnight, not London's. */
export function yearInChina(at: Date): number {
  return new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();
}

export interface LedgerQuery {
  group: FocusGroup;
  region?: string | undefined;
  planStatus?: PlanStatusFilter | undefined;
  page: number;
  pageSize: number;
}

/** Who triggers a status refresh: a person, or a named process (then userId is null). */
export interface RefreshActor {
  userId: string | null;
  username: string;
  displayName?: string;
  ip?: string | null;
}

export interface RefreshOptions {
  /** Run inside the caller's transaction (which then audits); otherwise the refresh opens and audits its own. */
  tx?: Tx;
  by?: RefreshActor | null;
  /** Only these households' plans (e.g. after one household's income was saved). */
  householdIds?: readonly string[];
}

class PlanVersionConflict extends Error {}

export class FocusService {
  constructor(private readonly deps: AppDeps) {}

  /** Stored setting `focusLedgers` over core's defaults (threshold 10,000 yuan, poverty-exit households). */
  async config(): Promise<FocusLedgerConfig> {
    const stored = await readSetting<unknown>(this.deps.db.orm, 'focusLedgers');
    return focusLedgerConfigSchema.parse(stored?.value ?? {});
  }

  private rules(config: FocusLedgerConfig): repo.LedgerRules {
    return { thresholdFen: config.lowIncomeThresholdFen, householdTypes: config.householdTypes };
  }

  async ledger(actor: Actor, q: LedgerQuery) {
    const region = regionWithinScope(actor, q.region);
    const config = await this.config();
    const { counts, rows } = await repo.ledgerPage(
      this.deps.db.orm,
      { region, group: q.group, planStatus: q.planStatus },
      this.rules(config),
      q.pageSize,
      (q.page - 1) * q.pageSize,
    );
    const year = yearInChina(this.deps.clock.now());
    return {
      region,
      group: q.group,
      lowIncomeThresholdFen: config.lowIncomeThresholdFen,
      total: counts.total,
      counts: {
        groups: { low_income: counts.low_income, income_fell: counts.income_fell },
        planStatus: { none: counts.none, open: counts.open, closed_out: counts.closed_out, reopened: counts.reopened },
      },
      items: rows.map((r) => presentLedgerRow(r, year)),
    };
  }

  async plan(actor: Actor, householdId: string): Promise<PlanDetail> {
    const config = await this.config();
    const facts = await repo.householdFacts(this.deps.db.orm, actor.scope, householdId, this.rules(config));
    if (!facts) throw new NotFoundError('农户不存在');
    const { orm } = this.deps.db;
    const plan = await repo.planOf(orm, facts.county_code, facts.household_id);
    const [revisions, events] = plan
      ? await Promise.all([repo.revisionsOf(orm, plan.county_code, plan.id), repo.statusEventsOf(orm, plan.county_code, plan.id)])
      : [[], []];
    return presentPlanDetail(facts, plan, revisions, events, config, yearInChina(this.deps.clock.now()));
  }

  /**
   * Creates (version 0) or revises (the version the editor read) a household's plan: a new revision is kept, the
   * plan's ledgers grow by the groups the household is in now, and the plan's status is refreshed against the
   * latest income — all in one transaction, audited last. A stale version answers 409 with the current plan.
   */
  async savePlan(actor: Actor, ip: string, householdId: string, input: FocusPlanParsed): Promise<{ created: boolean; plan: PlanDetail }> {
    const config = await this.config();
    const facts = await repo.householdFacts(this.deps.db.orm, actor.scope, householdId, this.rules(config));
    if (!facts) throw new NotFoundError('农户不存在');
    const now = this.deps.clock.now();
    const by: repo.Recorder = { userId: actor.userId, name: actor.displayName || actor.username, at: now };
    const groupsNow = focusGroupsOf(factsOf(facts), config);
    let created = false;
    try {
      await this.deps.db.transaction(async (tx) => {
        const existing = await repo.planOf(tx.orm, facts.county_code, facts.household_id, true);
        if (input.version === 0 ? existing !== undefined : existing?.version !== input.version) throw new PlanVersionConflict();
        const yearProblem = targetYearProblem(input.targetYear, yearInChina(now), existing?.target_year ?? null);
        if (yearProblem) throw new ValidationError(yearProblem, [{ path: '/targetYear', message: yearProblem }]);
        const write: repo.PlanWrite = {
          ledgerGroups: FOCUS_GROUPS.filter((g) => groupsNow.includes(g) || (existing?.ledger_groups ?? []).includes(g)),
          cadreName: input.cadreName,
          cadrePhone: input.cadrePhone === undefined ? (existing?.cadre_phone ?? null) : input.cadrePhone,
          targetYear: input.targetYear,
          targetPerCapitaFen: input.targetPerCapitaFen,
          parts: input.partTargetsFen,
          measures: input.measures,
        };
        let planId: string;
        let version: number;
        if (existing) {
          const updated = await repo.updatePlan(tx, existing.county_code, existing.id, input.version, write, by);
          if (!updated) throw new PlanVersionConflict();
          planId = existing.id;
          version = updated.version;
        } else {
          planId = await repo.insertPlan(tx, facts.county_code, facts.household_id, write, by);
          version = 1;
          created = true;
          await repo.insertCreationEvent(tx, facts.county_code, planId, facts.household_id, write.targetPerCapitaFen, by);
        }
        await repo.insertRevision(tx, facts.county_code, planId, facts.household_id, version, write, input.progressNote, by);
        const statusChanges = await this.refreshPlanStatuses(facts.village_code, now, { tx, by: actor, householdIds: [facts.household_id] });
        await this.deps.audit.append(tx, {
          action: created ? 'focus.plan.create' : 'focus.plan.revise', outcome: 'success', actor, ip, regionCode: facts.village_code,
          entity: 'focus_plan', entityId: planId,
          before: existing ? auditOfRow(existing) : null,
          after: { ...auditOfWrite(write, version), progressNote: input.progressNote },
          detail: { householdId: facts.household_id, groupsNow, statusChanges },
        });
      });
    } catch (error) {
      // A lost race between two first saves ends at the one-plan-per-household constraint: the same 409.
      if (error instanceof PlanVersionConflict || error instanceof UniqueViolationError) {
        throw new VersionConflictError(await this.plan(actor, householdId));
      }
      throw error;
    }
    await refreshRollupsAfterWrite(this.deps);
    return { created, plan: await this.plan(actor, householdId) };
  }

  /**
   * Closes out plans whose target is met and reopens closed-out ones that slipped, set-based over every plan in
   * `scope` (a region prefix), or only `householdIds`. Idempotent. Without a `tx` it runs in its own transaction and
   * audits when something changed or when a person asked; inside a caller's transaction the caller audits.
   */
  async refreshPlanStatuses(scope: string, at: Date, options: RefreshOptions = {}) {
    const by = options.by ?? null;
    const recorder: repo.Recorder = { userId: by?.userId ?? null, name: by ? by.displayName || by.username : '系统刷新', at };
    if (options.tx) return repo.refreshStatuses(options.tx, scope, recorder, options.householdIds);
    return this.deps.db.transaction(async (tx) => {
      const result = await repo.refreshStatuses(tx, scope, recorder, options.householdIds);
      if (by?.userId || result.closedOut + result.reopened > 0) {
        await this.deps.audit.append(tx, {
          action: 'focus.refresh', outcome: 'success',
          actor: by?.userId ? { userId: by.userId, username: by.username } : null, username: by?.username ?? null,
          ip: by?.ip ?? null, regionCode: scope, detail: { ...result, householdIds: options.householdIds ?? null },
        });
      }
      return result;
    });
  }

  /** POST /api/focus/refresh: the caller's whole scope. */
  async refresh(actor: Actor, ip: string) {
    const result = await this.refreshPlanStatuses(actor.scope, this.deps.clock.now(), { by: { ...actor, ip } });
    return { scope: actor.scope, ...result };
  }
}

/** What the audit trail keeps of a plan: everything but the cadre's phone number, which is only noted as present. */
function auditOfWrite(p: repo.PlanWrite, version: number) {
  return {
    version, cadreName: p.cadreName, cadrePhone: p.cadrePhone ? '(已填写)' : null, targetYear: p.targetYear,
    targetPerCapitaFen: p.targetPerCapitaFen, partTargetsFen: p.parts, measures: p.measures, ledgerGroups: p.ledgerGroups,
  };
}

function auditOfRow(p: repo.PlanRow) {
  return auditOfWrite(
    {
      cadreName: p.cadre_name, cadrePhone: p.cadre_phone, targetYear: p.target_year, targetPerCapitaFen: p.target_per_capita_fen,
      parts: { wage: p.target_wage_fen, business: p.target_business_fen, property: p.target_property_fen, transfer: p.target_transfer_fen },
      measures: p.measures, ledgerGroups: p.ledger_groups,
    },
    p.version,
  );
}
