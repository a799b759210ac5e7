import type { FocusGroup, PlanStatus, PlanStatusFilter } from '@zengshou/core';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { arrayParam, queryOne, queryRows, sql, type SQL } from '../../platform/db/sql.ts';

/**
 * All SQL of the focus ledgers. Group membership is never stored: it is computed here, set-based, from the income
 * records, with the rules of core's focus-groups.ts (the tests compare the two). Every query filters households by
 * the caller's region prefix (`village_code LIKE scope || '%'`).
 */

export interface LedgerRules {
  thresholdFen: number;
  householdTypes: readonly string[];
}

/**
 * The latest valid (not 待核实) current income record of household `h` and the same quarter a year earlier, per
 * capita and annualised exactly as core's focusIncomeOf: round(per_capita_net × 4 / quarter) and, for each part,
 * round(round(part ÷ size) × 4 / quarter) — PostgreSQL's numeric round() rounds halves away from zero, as core does.
 */
const incomeFacts = sql`
  LEFT JOIN LATERAL (
    SELECT r.year, r.quarter,
      round(r.per_capita_net * 4.0 / r.quarter)::int8 AS pc,
      round(round(r.wage_total::numeric / r.household_size) * 4.0 / r.quarter)::int8 AS wage_pc,
      round(round((r.business_total - r.cost_total)::numeric / r.household_size) * 4.0 / r.quarter)::int8 AS business_pc,
      round(round(r.property_total::numeric / r.household_size) * 4.0 / r.quarter)::int8 AS property_pc,
      round(round(r.transfer_total::numeric / r.household_size) * 4.0 / r.quarter)::int8 AS transfer_pc
    FROM income_records r
    WHERE r.county_code = h.county_code AND r.household_id = h.id AND r.superseded_at IS NULL AND r.status = 'valid'
    ORDER BY r.year DESC, r.quarter DESC LIMIT 1) li ON true
  LEFT JOIN LATERAL (
    SELECT round(p.per_capita_net * 4.0 / p.quarter)::int8 AS prev_pc
    FROM income_records p
    WHERE p.county_code = h.county_code AND p.household_id = h.id AND p.superseded_at IS NULL AND p.status = 'valid'
      AND p.year = li.year - 1 AND p.quarter = li.quarter
    -- LIMIT keeps this a per-household index lookup (the planner would otherwise hash-join every income record).
    LIMIT 1) pv ON true`;

/** Close-out rule of core's checkPlanTarget, for plan `fp` and income `li`: NULL when there is no valid income. */
const targetMet = sql`(li.pc >= fp.target_per_capita_fen
  AND (fp.target_wage_fen IS NULL OR li.wage_pc >= fp.target_wage_fen)
  AND (fp.target_business_fen IS NULL OR li.business_pc >= fp.target_business_fen)
  AND (fp.target_property_fen IS NULL OR li.property_pc >= fp.target_property_fen)
  AND (fp.target_transfer_fen IS NULL OR li.transfer_pc >= fp.target_transfer_fen))`;

const planColumns = sql`fp.id AS plan_id, fp.status AS plan_status, fp.status_changed_at, fp.ledger_groups, fp.cadre_name,
  fp.target_year, fp.target_per_capita_fen, fp.target_wage_fen, fp.target_business_fen, fp.target_property_fen,
  fp.target_transfer_fen, fp.measures, fp.version AS plan_version`;

const names = sql`
  (SELECT m.name FROM members m WHERE m.county_code = f.county_code AND m.household_id = f.household_id AND m.relation = 'head' LIMIT 1) AS head_name,
  (SELECT r.name FROM regions r WHERE r.code = f.village_code AND r.valid_to IS NULL) AS village_name,
  (SELECT r.name FROM regions r WHERE r.code = substr(f.village_code, 1, 9) AND r.valid_to IS NULL) AS township_name`;

/**
 * CTEs `hh` (the households asked for), `facts` (their income and current group flags) and `ledger` (plus the ledgers
 * they are on: in a group now, or a plan made for that group). For lists `hh` keeps only households a ledger may
 * hold — a covered type, or one with a plan — so the income of the others is never looked up. `window` pages over
 * households by (village, household no), for exports.
 */
function factsCtes(
  households: SQL,
  rules: LedgerRules,
  opts: { ledgerOnly: boolean; window?: { after: { village: string; no: string } | null; limit: number } },
): SQL {
  const types = sql`${arrayParam(rules.householdTypes)}::text[]`;
  const covered = opts.ledgerOnly ? sql`AND (h.household_type = ANY(${types}) OR fp.id IS NOT NULL)` : sql``;
  const w = opts.window;
  const cursor = w?.after ? sql`AND (h.village_code, h.household_no) > (${w.after.village}, ${w.after.no})` : sql``;
  const limit = w ? sql`ORDER BY h.village_code, h.household_no LIMIT ${w.limit}` : sql``;
  return sql`
    hh AS (
      SELECT h.county_code, h.id, h.household_no, h.village_code, h.household_type, ${planColumns}
      FROM households h LEFT JOIN focus_plans fp ON fp.county_code = h.county_code AND fp.household_id = h.id
      WHERE ${households} ${covered} ${cursor}
      ${limit}
    ),
    facts AS (
      SELECT h.county_code, h.id AS household_id, h.household_no, h.village_code, h.household_type,
        h.plan_id, h.plan_status, h.status_changed_at, h.ledger_groups, h.cadre_name, h.target_year, h.target_per_capita_fen,
        h.target_wage_fen, h.target_business_fen, h.target_property_fen, h.target_transfer_fen, h.measures, h.plan_version,
        li.year, li.quarter, li.pc, li.wage_pc, li.business_pc, li.property_pc, li.transfer_pc, pv.prev_pc,
        (h.household_type = ANY(${types}) AND li.pc < ${rules.thresholdFen}) IS TRUE AS low_now,
        (h.household_type = ANY(${types}) AND li.pc < pv.prev_pc) IS TRUE AS fell_now
      FROM hh h ${incomeFacts}
    ),
    ledger AS (
      SELECT f.*,
        (f.low_now OR 'low_income' = ANY(coalesce(f.ledger_groups, '{}'))) AS in_low,
        (f.fell_now OR 'income_fell' = ANY(coalesce(f.ledger_groups, '{}'))) AS in_fell
      FROM facts f
    )`;
}

const inRegion = (region: string): SQL => sql`h.village_code LIKE ${region + '%'}`;

const inGroupSql = (group: FocusGroup): SQL => (group === 'low_income' ? sql`in_low` : sql`in_fell`);
function statusFilterSql(status: PlanStatusFilter | undefined): SQL {
  if (status === undefined) return sql`true`;
  if (status === 'none') return sql`plan_status IS NULL`;
  return sql`plan_status = ${status}`;
}

export interface LedgerRow {
  county_code: string;
  household_id: string;
  household_no: string;
  village_code: string;
  household_type: string;
  head_name: string | null;
  village_name: string | null;
  township_name: string | null;
  year: number | null;
  quarter: number | null;
  pc: number | null;
  wage_pc: number | null;
  business_pc: number | null;
  property_pc: number | null;
  transfer_pc: number | null;
  prev_pc: number | null;
  low_now: boolean;
  fell_now: boolean;
  plan_id: string | null;
  plan_status: PlanStatus | null;
  status_changed_at: Date | null;
  ledger_groups: FocusGroup[] | null;
  cadre_name: string | null;
  target_year: number | null;
  target_per_capita_fen: number | null;
  target_wage_fen: number | null;
  target_business_fen: number | null;
  target_property_fen: number | null;
  target_transfer_fen: number | null;
  measures: { text: string; category: string | null }[] | null;
  plan_version: number | null;
}

export interface LedgerCounts {
  low_income: number;
  income_fell: number;
  none: number;
  open: number;
  closed_out: number;
  reopened: number;
  total: number;
}

export interface LedgerFilter {
  region: string;
  group: FocusGroup;
  planStatus?: PlanStatusFilter | undefined;
}

/**
 * One page of a ledger and every count the page shows, in ONE statement: the facts are computed once for the whole
 * region (a CTE used twice is materialised), then counted per group and per plan status, then paged.
 */
export async function ledgerPage(orm: Executor, f: LedgerFilter, rules: LedgerRules, limit: number, offset: number) {
  const inGroup = inGroupSql(f.group);
  const rows = await queryRows<LedgerRow & { c_low_income: number; c_income_fell: number; c_none: number; c_open: number; c_closed_out: number; c_reopened: number; c_total: number }>(
    orm,
    sql`WITH ${factsCtes(inRegion(f.region), rules, { ledgerOnly: true })},
      counts AS (
        SELECT count(*) FILTER (WHERE in_low)::int8 AS c_low_income,
               count(*) FILTER (WHERE in_fell)::int8 AS c_income_fell,
               count(*) FILTER (WHERE ${inGroup} AND plan_status IS NULL)::int8 AS c_none,
               count(*) FILTER (WHERE ${inGroup} AND plan_status = 'open')::int8 AS c_open,
               count(*) FILTER (WHERE ${inGroup} AND plan_status = 'closed_out')::int8 AS c_closed_out,
               count(*) FILTER (WHERE ${inGroup} AND plan_status = 'reopened')::int8 AS c_reopened,
               count(*) FILTER (WHERE ${inGroup} AND ${statusFilterSql(f.planStatus)})::int8 AS c_total
        FROM ledger),
      page AS (
        SELECT * FROM ledger WHERE ${inGroup} AND ${statusFilterSql(f.planStatus)}
        ORDER BY village_code, household_no LIMIT ${limit} OFFSET ${offset})
      SELECT c.*, f.*, ${names}
      FROM counts c LEFT JOIN page f ON true
      ORDER BY f.village_code, f.household_no`,
  );
  const first = rows[0];
  const counts: LedgerCounts = {
    low_income: first?.c_low_income ?? 0,
    income_fell: first?.c_income_fell ?? 0,
    none: first?.c_none ?? 0,
    open: first?.c_open ?? 0,
    closed_out: first?.c_closed_out ?? 0,
    reopened: first?.c_reopened ?? 0,
    total: first?.c_total ?? 0,
  };
  return { counts, rows: rows.filter((r) => r.household_id !== null) as LedgerRow[] };
}

/**
 * A ledger for export, in pages of households by key: each page computes the facts of its own households only, so
 * memory and time stay linear in the region's size.
 */
export async function* iterateLedger(orm: Executor, f: LedgerFilter, rules: LedgerRules, pageSize = 2000): AsyncGenerator<LedgerRow[]> {
  let after: { village: string; no: string } | null = null;
  for (;;) {
    const rows: (LedgerRow & { selected: boolean })[] = await queryRows(
      orm,
      sql`WITH ${factsCtes(inRegion(f.region), rules, { ledgerOnly: true, window: { after, limit: pageSize } })}
        SELECT f.*, (${inGroupSql(f.group)} AND ${statusFilterSql(f.planStatus)}) AS selected, ${names}
        FROM ledger f ORDER BY f.village_code, f.household_no`,
    );
    if (rows.length === 0) return;
    const selected = rows.filter((r) => r.selected);
    if (selected.length > 0) yield selected;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { village: last.village_code, no: last.household_no };
  }
}

/** One household's ledger facts (income, groups, plan summary), scoped; undefined when outside the scope or missing. */
export function householdFacts(orm: Executor, scope: string, householdId: string, rules: LedgerRules) {
  return queryOne<LedgerRow & { in_low: boolean; in_fell: boolean }>(
    orm,
    sql`WITH ${factsCtes(sql`h.id = ${householdId} AND h.village_code LIKE ${scope + '%'}`, rules, { ledgerOnly: false })}
        SELECT f.*, ${names} FROM ledger f`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Plans

export interface PlanRow {
  county_code: string;
  id: string;
  household_id: string;
  status: PlanStatus;
  status_changed_at: Date;
  ledger_groups: FocusGroup[];
  cadre_name: string;
  cadre_phone: string | null;
  target_year: number;
  target_per_capita_fen: number;
  target_wage_fen: number | null;
  target_business_fen: number | null;
  target_property_fen: number | null;
  target_transfer_fen: number | null;
  measures: { text: string; category: string | null }[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

export function planOf(orm: Executor, countyCode: string, householdId: string, forUpdate = false) {
  return queryOne<PlanRow>(
    orm,
    sql`SELECT * FROM focus_plans WHERE county_code = ${countyCode} AND household_id = ${householdId} ${forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
}

export interface PlanWrite {
  ledgerGroups: FocusGroup[];
  cadreName: string;
  cadrePhone: string | null;
  targetYear: number;
  targetPerCapitaFen: number;
  parts: { wage: number | null; business: number | null; property: number | null; transfer: number | null };
  measures: { text: string; category: string | null }[];
}

export interface Recorder {
  userId: string | null;
  name: string;
  at: Date;
}

export async function insertPlan(tx: Tx, countyCode: string, householdId: string, p: PlanWrite, by: Recorder) {
  const row = await queryOne<{ id: string }>(
    tx.orm,
    sql`INSERT INTO focus_plans (county_code, household_id, status, status_changed_at, ledger_groups, cadre_name, cadre_phone,
          target_year, target_per_capita_fen, target_wage_fen, target_business_fen, target_property_fen, target_transfer_fen,
          measures, version, created_by, created_at, updated_by, updated_at)
        VALUES (${countyCode}, ${householdId}, 'open', ${by.at}, ${arrayParam(p.ledgerGroups)}::text[], ${p.cadreName}, ${p.cadrePhone},
          ${p.targetYear}, ${p.targetPerCapitaFen}, ${p.parts.wage}, ${p.parts.business}, ${p.parts.property}, ${p.parts.transfer},
          ${JSON.stringify(p.measures)}::jsonb, 1, ${by.userId}, ${by.at}, ${by.userId}, ${by.at})
        RETURNING id`,
  );
  return row!.id;
}

/** Optimistic locking: only the version the editor read is replaced. Returns the new version, or undefined on a lost race. */
export async function updatePlan(tx: Tx, countyCode: string, planId: string, expectedVersion: number, p: PlanWrite, by: Recorder) {
  return queryOne<{ version: number }>(
    tx.orm,
    sql`UPDATE focus_plans SET ledger_groups = ${arrayParam(p.ledgerGroups)}::text[], cadre_name = ${p.cadreName},
          cadre_phone = ${p.cadrePhone}, target_year = ${p.targetYear}, target_per_capita_fen = ${p.targetPerCapitaFen},
          target_wage_fen = ${p.parts.wage}, target_business_fen = ${p.parts.business}, target_property_fen = ${p.parts.property},
          target_transfer_fen = ${p.parts.transfer}, measures = ${JSON.stringify(p.measures)}::jsonb,
          version = version + 1, updated_by = ${by.userId}, updated_at = ${by.at}
        WHERE county_code = ${countyCode} AND id = ${planId} AND version = ${expectedVersion}
        RETURNING version`,
  );
}

/** Adds revision `version` of a plan and supersedes the one before it, in the caller's transaction. */
export async function insertRevision(tx: Tx, countyCode: string, planId: string, householdId: string, version: number, p: PlanWrite, progressNote: string | null, by: Recorder) {
  await tx.orm.execute(sql`UPDATE focus_plan_revisions SET superseded_at = ${by.at}
    WHERE county_code = ${countyCode} AND plan_id = ${planId} AND superseded_at IS NULL`);
  await tx.orm.execute(sql`INSERT INTO focus_plan_revisions (county_code, plan_id, version, household_id, ledger_groups, cadre_name,
      cadre_phone, target_year, target_per_capita_fen, target_wage_fen, target_business_fen, target_property_fen, target_transfer_fen,
      measures, progress_note, recorded_by, recorded_by_name, recorded_at)
    VALUES (${countyCode}, ${planId}, ${version}, ${householdId}, ${arrayParam(p.ledgerGroups)}::text[], ${p.cadreName}, ${p.cadrePhone},
      ${p.targetYear}, ${p.targetPerCapitaFen}, ${p.parts.wage}, ${p.parts.business}, ${p.parts.property}, ${p.parts.transfer},
      ${JSON.stringify(p.measures)}::jsonb, ${progressNote}, ${by.userId}, ${by.name}, ${by.at})`);
}

export async function insertCreationEvent(tx: Tx, countyCode: string, planId: string, householdId: string, targetFen: number, by: Recorder) {
  await tx.orm.execute(sql`INSERT INTO focus_plan_status_events (county_code, plan_id, household_id, from_status, to_status,
      changed_at, changed_by, changed_by_name, reason, target_per_capita_fen)
    VALUES (${countyCode}, ${planId}, ${householdId}, NULL, 'open', ${by.at}, ${by.userId}, ${by.name}, '制定一户一策，纳入台账', ${targetFen})`);
}

export interface RevisionRow {
  version: number;
  ledger_groups: FocusGroup[];
  cadre_name: string;
  target_year: number;
  target_per_capita_fen: number;
  target_wage_fen: number | null;
  target_business_fen: number | null;
  target_property_fen: number | null;
  target_transfer_fen: number | null;
  measures: { text: string; category: string | null }[];
  progress_note: string | null;
  recorded_by_name: string | null;
  recorded_at: Date;
  superseded_at: Date | null;
}

export function revisionsOf(orm: Executor, countyCode: string, planId: string) {
  return queryRows<RevisionRow>(
    orm,
    sql`SELECT version, ledger_groups, cadre_name, target_year, target_per_capita_fen, target_wage_fen, target_business_fen,
          target_property_fen, target_transfer_fen, measures, progress_note, recorded_by_name, recorded_at, superseded_at
        FROM focus_plan_revisions WHERE county_code = ${countyCode} AND plan_id = ${planId} ORDER BY version`,
  );
}

export interface StatusEventRow {
  id: number;
  from_status: PlanStatus | null;
  to_status: PlanStatus;
  changed_at: Date;
  changed_by_name: string;
  reason: string;
  period_year: number | null;
  period_quarter: number | null;
  per_capita_annual_fen: number | null;
  target_per_capita_fen: number;
}

export function statusEventsOf(orm: Executor, countyCode: string, planId: string) {
  return queryRows<StatusEventRow>(
    orm,
    sql`SELECT id, from_status, to_status, changed_at, changed_by_name, reason, period_year, period_quarter, per_capita_annual_fen,
          target_per_capita_fen
        FROM focus_plan_status_events WHERE county_code = ${countyCode} AND plan_id = ${planId} ORDER BY id`,
  );
}

/**
 * The status refresh, set-based, in ONE statement over every plan in the scope (or only the given households):
 * plans whose target is met are closed out (销号), closed-out plans no longer met are reopened (重新纳入), and each
 * change is written to the status history. Plans without valid income are left alone. Running it again with the same
 * income changes nothing (core's nextPlanStatus is idempotent; the WHERE picks only plans whose status would move).
 */
export async function refreshStatuses(tx: Tx, scope: string, by: Recorder, householdIds?: readonly string[]) {
  const only = householdIds ? sql`AND h.id = ANY(${arrayParam(householdIds)}::uuid[])` : sql``;
  const rows = await queryRows<{ to_status: PlanStatus }>(
    tx.orm,
    sql`WITH decided AS (
          SELECT fp.county_code, fp.id, fp.household_id, fp.status, fp.target_per_capita_fen, li.year, li.quarter, li.pc,
            ${targetMet} AS met
          FROM focus_plans fp JOIN households h ON h.county_code = fp.county_code AND h.id = fp.household_id
          ${incomeFacts}
          WHERE h.village_code LIKE ${scope + '%'} ${only}),
        changed AS (
          UPDATE focus_plans p SET status = CASE WHEN d.met THEN 'closed_out' ELSE 'reopened' END, status_changed_at = ${by.at}
          FROM decided d
          WHERE p.county_code = d.county_code AND p.id = d.id
            AND ((d.met AND p.status <> 'closed_out') OR (NOT d.met AND p.status = 'closed_out'))
          RETURNING p.county_code, p.id, p.household_id, d.status AS from_status, p.status AS to_status, d.year, d.quarter, d.pc,
            d.target_per_capita_fen)
        INSERT INTO focus_plan_status_events (county_code, plan_id, household_id, from_status, to_status, changed_at, changed_by,
          changed_by_name, reason, period_year, period_quarter, per_capita_annual_fen, target_per_capita_fen)
        SELECT county_code, id, household_id, from_status, to_status, ${by.at}, ${by.userId}, ${by.name},
          CASE WHEN to_status = 'closed_out' THEN '收入达到帮扶目标，销号' ELSE '最新收入未达到帮扶目标，重新纳入' END,
          year, quarter, pc, target_per_capita_fen
        FROM changed
        RETURNING to_status`,
  );
  return {
    closedOut: rows.filter((r) => r.to_status === 'closed_out').length,
    reopened: rows.filter((r) => r.to_status === 'reopened').length,
  };
}
