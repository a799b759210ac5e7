import type { IncomeItems, IncomeRecordInput } from '@zengshou/core';
import type { Actor, AppDeps } from '../../platform/http/context.ts';
import { sql } from '../../platform/db/sql.ts';
import { ValidationError } from '../../platform/errors.ts';
import { membersOf } from '../registry/members.repository.ts';
import type { RegistryService } from '../registry/registry.service.ts';
import { evaluateIncome } from './income-evaluation.ts';
import { FocusService } from '../focus/focus.service.ts';
import { logicCheckConfig } from './logic-check-config.ts';
import * as repo from './income.repository.ts';
import { thenRefreshRollups } from '../rollups/rollups.service.ts';

export class IncomeService {
  constructor(
    private readonly deps: AppDeps,
    private readonly registry: RegistryService,
  ) {}

  /**
   * Saves one quarter's year-to-date income as a new revision (the old one is kept, superseded). Net and per-capita
   * come from core; failing logic checks are stored with the record, which is then 待核实 until corrected.
   */
  async save(actor: Actor, ip: string, input: IncomeRecordInput) {
    const h = await this.registry.household(actor, input.householdId);
    const { db, clock, audit } = this.deps;
    const members = await membersOf(db.orm, h.county_code, h.id);
    if (members.length === 0) throw new ValidationError('该户还没有家庭成员，无法计算人均收入，请先登记成员');
    const items = input.items as IncomeItems;
    const { config } = await logicCheckConfig(db.orm);
    return thenRefreshRollups(this.deps, db.transaction(async (tx) => {
      const previous = input.quarter > 1 ? await repo.currentRecord(tx.orm, h.county_code, h.id, input.year, input.quarter - 1) : undefined;
      const current = await repo.currentRecord(tx.orm, h.county_code, h.id, input.year, input.quarter);
      const evaluation = evaluateIncome({
        year: input.year, quarter: input.quarter, items, householdType: h.household_type, monitored: h.monitoring_category !== null,
        monitoringLineFen: null,
        members: members.map((m) => ({ birthDate: m.birth_date, labourCapacity: m.labour_capacity, health: m.health, schoolingStatus: m.schooling_status, employmentStatus: m.employment_status })),
        previousQuarterItems: previous ? repo.itemsFromRow(previous) : null,
        config,
      });
      const row = await repo.insertRevision(tx.orm, {
        countyCode: h.county_code, householdId: h.id, villageCode: h.village_code, year: input.year, quarter: input.quarter,
        items, summary: evaluation.summary, status: evaluation.status, checks: evaluation.checks, remark: input.remark ?? null,
        source: 'form', recordedBy: actor.userId, at: clock.now(),
      });
      await repo.refreshLatestIncome(tx.orm, sql`SELECT ${h.county_code}::text AS county_code, ${h.id}::uuid AS household_id`);
      // The household's one-household plan is closed out when this income meets its target, reopened if it slipped.
      await new FocusService(this.deps).refreshPlanStatuses(h.village_code, clock.now(), { tx, by: actor, householdIds: [h.id] });
      await audit.append(tx, {
        action: current ? 'income.revise' : 'income.create', outcome: 'success', actor, ip, regionCode: h.village_code,
        entity: 'income_record', entityId: row!.id,
        before: current ? { ...repo.itemsFromRow(current), status: current.status } : null,
        after: { ...items, year: input.year, quarter: input.quarter, status: evaluation.status },
      });
      return { id: row!.id, summary: evaluation.summary, status: evaluation.status, checks: evaluation.checks };
    }));
  }

  async history(actor: Actor, householdId: string, withRevisions: boolean) {
    const h = await this.registry.household(actor, householdId);
    const rows = await repo.incomeRecordsOf(this.deps.db.orm, h.county_code, h.id, withRevisions);
    return rows.map(presentIncomeRecord);
  }
}

export function presentIncomeRecord(r: repo.IncomeRecordRow) {
  return {
    id: r.id,
    year: r.year,
    quarter: r.quarter,
    items: repo.itemsFromRow(r),
    totals: { wage: r.wage_total, business: r.business_total, property: r.property_total, transfer: r.transfer_total, cost: r.cost_total },
    netIncome: r.net_income,
    householdSize: r.household_size,
    perCapitaNet: r.per_capita_net,
    status: r.status,
    checks: r.check_results,
    remark: r.remark,
    source: r.source.startsWith('import:') ? 'import' : r.source,
    recordedAt: r.recorded_at.toISOString(),
    supersededAt: r.superseded_at ? r.superseded_at.toISOString() : null,
  };
}
