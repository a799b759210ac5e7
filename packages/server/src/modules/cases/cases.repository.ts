import type { CaseEvent, CaseMeasure, CaseState, CaseStatus } from '@zengshou/core';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { arrayParam, queryOne, queryRows, sql, type SQL } from '../../platform/db/sql.ts';

export interface CaseRow {
  county_code: string;
  id: string;
  case_no: string;
  household_id: string;
  village_code: string;
  source: string;
  warning_id: string | null;
  status: CaseStatus;
  state: CaseState;
  version: number;
  due_kind: string | null;
  due_date: string | null;
  opened_at: Date;
  updated_at: Date;
  household_no: string;
  head_name: string | null;
  address: string;
  member_count: number;
  village_name: string | null;
  township_name: string | null;
}

const CASE_COLUMNS = sql`c.*, h.household_no, h.address, h.member_count,
  (SELECT m.name FROM members m WHERE m.county_code = h.county_code AND m.household_id = h.id AND m.relation = 'head' LIMIT 1) AS head_name,
  (SELECT r.name FROM regions r WHERE r.code = c.village_code AND r.valid_to IS NULL) AS village_name,
  (SELECT r.name FROM regions r WHERE r.code = substr(c.village_code, 1, 9) AND r.valid_to IS NULL) AS township_name`;

/** A case inside the caller's region scope; anything outside it is simply not found. */
export function findCase(orm: Executor, scope: string, id: string, forUpdate = false) {
  return queryOne<CaseRow>(orm, sql`SELECT ${CASE_COLUMNS}
    FROM cases c JOIN households h ON h.county_code = c.county_code AND h.id = c.household_id
    WHERE c.id = ${id}::uuid AND c.village_code LIKE ${scope + '%'} ${forUpdate ? sql`FOR UPDATE OF c` : sql``}`);
}

export function activeCaseOf(orm: Executor, county: string, householdId: string) {
  return queryOne<{ id: string; case_no: string }>(orm, sql`SELECT id, case_no FROM cases
    WHERE county_code = ${county} AND household_id = ${householdId}::uuid AND status NOT IN ('eliminated', 'closed_not_included')`);
}

export function householdInScope(orm: Executor, scope: string, householdId: string) {
  return queryOne<{ county_code: string; id: string; village_code: string }>(orm, sql`SELECT county_code, id, village_code FROM households
    WHERE id = ${householdId}::uuid AND village_code LIKE ${scope + '%'}`);
}

export function warningOf(orm: Executor, county: string, warningId: string) {
  return queryOne<{ id: string; household_id: string; status: string; title: string; explanation: string; case_id: string | null }>(orm, sql`
    SELECT id, household_id, status, title, explanation, case_id FROM warnings WHERE county_code = ${county} AND id = ${warningId}::uuid`);
}

export async function linkWarning(tx: Tx, county: string, warningId: string, caseId: string) {
  await tx.orm.execute(sql`UPDATE warnings SET case_id = ${caseId}::uuid WHERE county_code = ${county} AND id = ${warningId}::uuid`);
}

/** Next running number of the county's cases this year; the row lock serialises concurrent leads. */
export async function nextCaseNumber(tx: Tx, county: string, year: number): Promise<number> {
  const row = await queryOne<{ last_no: number }>(tx.orm, sql`INSERT INTO case_counters (county_code, year, last_no) VALUES (${county}, ${year}, 1)
    ON CONFLICT (county_code, year) DO UPDATE SET last_no = case_counters.last_no + 1 RETURNING last_no`);
  return row!.last_no;
}

export interface Projection {
  status: CaseStatus;
  state: CaseState;
  version: number;
  dueKind: string | null;
  dueDate: string | null;
  at: Date;
}

export async function insertCase(tx: Tx, c: { county: string; id: string; caseNo: string; householdId: string; villageCode: string; source: string; warningId: string | null; openedAt: Date } & Projection) {
  await tx.orm.execute(sql`INSERT INTO cases (county_code, id, case_no, household_id, village_code, source, warning_id, status, state, version,
      due_kind, due_date, opened_at, updated_at)
    VALUES (${c.county}, ${c.id}::uuid, ${c.caseNo}, ${c.householdId}::uuid, ${c.villageCode}, ${c.source}, ${c.warningId}::uuid, ${c.status},
      ${JSON.stringify(c.state)}::jsonb, ${c.version}, ${c.dueKind}, ${c.dueDate}::date, ${c.openedAt}, ${c.at})`);
}

export async function updateProjection(tx: Tx, county: string, id: string, p: Projection) {
  await tx.orm.execute(sql`UPDATE cases SET status = ${p.status}, state = ${JSON.stringify(p.state)}::jsonb, version = ${p.version},
      due_kind = ${p.dueKind}, due_date = ${p.dueDate}::date, updated_at = ${p.at}
    WHERE county_code = ${county} AND id = ${id}::uuid`);
}

export interface EventRow {
  seq: number;
  type: string;
  event: CaseEvent;
  at: Date;
  actor_name: string;
  request_id: string | null;
}

export function eventsOf(orm: Executor, county: string, caseId: string) {
  return queryRows<EventRow>(orm, sql`SELECT seq, type, event, at, actor_name, request_id FROM case_events
    WHERE county_code = ${county} AND case_id = ${caseId}::uuid ORDER BY seq`);
}

/** The case a retried request already wrote its step to, if it did. */
export function eventByRequest(orm: Executor, requestId: string) {
  return queryOne<{ county_code: string; case_id: string; seq: number }>(orm, sql`SELECT county_code, case_id, seq FROM case_events
    WHERE request_id = ${requestId}::uuid LIMIT 1`);
}

export async function appendEvent(tx: Tx, e: { county: string; caseId: string; seq: number; event: CaseEvent; actorId: string | null; actorName: string; requestId: string | null }) {
  await tx.orm.execute(sql`INSERT INTO case_events (county_code, case_id, seq, type, event, at, actor_id, actor_name, request_id)
    VALUES (${e.county}, ${e.caseId}::uuid, ${e.seq}, ${e.event.type}, ${JSON.stringify(e.event)}::jsonb, ${e.event.at}::timestamptz,
      ${e.actorId}::uuid, ${e.actorName}, ${e.requestId}::uuid)`);
}

/** Rewrites the flat measure rows of one case from its state (a handful of rows; the state is the source). */
export async function replaceMeasures(tx: Tx, c: { county: string; caseId: string; householdId: string; villageCode: string }, measures: readonly CaseMeasure[]) {
  await tx.orm.execute(sql`DELETE FROM case_measures WHERE county_code = ${c.county} AND case_id = ${c.caseId}::uuid`);
  if (measures.length === 0) return;
  const values = measures.map((m) => sql`(${c.county}, ${c.caseId}::uuid, ${m.measureId}, ${c.householdId}::uuid, ${c.villageCode}, ${m.category},
    ${m.owner}, ${m.plannedDate}::date, ${m.actualDate ?? null}::date, ${m.status}, ${m.amountFen ?? null}::bigint, ${m.addedAt}::timestamptz)`);
  await tx.orm.execute(sql`INSERT INTO case_measures (county_code, case_id, measure_id, household_id, village_code, category, owner,
      planned_date, actual_date, status, amount_fen, added_at) VALUES ${sql.join(values, sql`, `)}`);
}

export async function setHouseholdCategory(tx: Tx, county: string, householdId: string, category: string) {
  await tx.orm.execute(sql`UPDATE households SET monitoring_category = ${category}, version = version + 1
    WHERE county_code = ${county} AND id = ${householdId}::uuid`);
}

// ---------------------------------------------------------------------------------------------------------
// Lists

export interface CaseListFilter {
  region: string;
  statuses: readonly CaseStatus[] | null;
  householdId: string | null;
  /** Only cases past their deadline on this China date. */
  overdueOn: string | null;
  /** Role queue: extra OR-ed condition built by the service (already parameterised). */
  queue: SQL | null;
}

function listWhere(f: CaseListFilter): SQL {
  return sql`c.village_code LIKE ${f.region + '%'}
    ${f.statuses ? sql`AND c.status = ANY(${arrayParam(f.statuses)}::text[])` : sql``}
    ${f.householdId ? sql`AND c.household_id = ${f.householdId}::uuid` : sql``}
    ${f.overdueOn ? sql`AND c.due_date < ${f.overdueOn}::date` : sql``}
    ${f.queue ? sql`AND (${f.queue})` : sql``}`;
}

export function listCases(orm: Executor, f: CaseListFilter, limit: number, offset: number) {
  return queryRows<CaseRow & { total: number }>(orm, sql`SELECT ${CASE_COLUMNS}, count(*) OVER ()::int8 AS total
    FROM cases c JOIN households h ON h.county_code = c.county_code AND h.id = c.household_id
    WHERE ${listWhere(f)}
    ORDER BY c.due_date NULLS LAST, c.opened_at, c.id LIMIT ${limit} OFFSET ${offset}`);
}

/** Cases by status, and how many are overdue or due within `soonDays`, over the same filter without the status. */
export async function caseCounts(orm: Executor, f: CaseListFilter, today: string, soonDays: number) {
  const where = listWhere({ ...f, statuses: null, overdueOn: null });
  const [byStatus, due] = await Promise.all([
    queryRows<{ status: CaseStatus; n: number }>(orm, sql`SELECT c.status, count(*)::int8 AS n FROM cases c WHERE ${where} GROUP BY c.status`),
    queryOne<{ overdue: number; due_soon: number }>(orm, sql`SELECT
        count(*) FILTER (WHERE c.due_date < ${today}::date)::int8 AS overdue,
        count(*) FILTER (WHERE c.due_date >= ${today}::date AND c.due_date <= ${today}::date + ${soonDays}::int)::int8 AS due_soon
      FROM cases c WHERE ${where}`),
  ]);
  return { byStatus, overdue: due?.overdue ?? 0, dueSoon: due?.due_soon ?? 0 };
}

/** Cases of one village whose notice is on the wall now (identification or elimination). */
export function casesInNotice(orm: Executor, villageCode: string, status: CaseStatus) {
  return queryRows<CaseRow>(orm, sql`SELECT ${CASE_COLUMNS}
    FROM cases c JOIN households h ON h.county_code = c.county_code AND h.id = c.household_id
    WHERE c.village_code = ${villageCode} AND c.status = ${status} ORDER BY c.case_no`);
}

export function regionNames(orm: Executor, codes: readonly string[]) {
  return queryRows<{ code: string; name: string }>(orm, sql`SELECT code, name FROM regions WHERE valid_to IS NULL AND code = ANY(${arrayParam(codes)}::text[])`);
}

// ---------------------------------------------------------------------------------------------------------
// Facts for the elimination guards

export interface HouseholdFactsRow {
  able: number;
  unsafe_housing: boolean;
  unsafe_water: boolean;
  school_dropout: boolean;
  uninsured_member: boolean;
}

export function householdFacts(orm: Executor, county: string, householdId: string) {
  return queryOne<HouseholdFactsRow>(orm, sql`SELECT h.unsafe_housing, h.unsafe_water, h.school_dropout, h.uninsured_member,
      (SELECT count(*) FROM members m WHERE m.county_code = h.county_code AND m.household_id = h.id
         AND m.labour_capacity IN ('normal', 'skilled'))::int AS able
    FROM households h WHERE h.county_code = ${county} AND h.id = ${householdId}::uuid`);
}

/** Current, valid (not 待核实) income records of a household, newest quarter first. */
export function validIncome(orm: Executor, county: string, householdId: string) {
  return queryRows<{ year: number; quarter: number; per_capita_net: number }>(orm, sql`SELECT year, quarter, per_capita_net FROM income_records
    WHERE county_code = ${county} AND household_id = ${householdId}::uuid AND superseded_at IS NULL AND status = 'valid'
    ORDER BY year DESC, quarter DESC LIMIT 40`);
}

// ---------------------------------------------------------------------------------------------------------
// Household timeline

export interface TimelineRow {
  at: Date;
  kind: 'warning_opened' | 'warning_closed' | 'case_event' | 'income_recorded';
  title: string;
  detail: string | null;
  case_id: string | null;
  case_no: string | null;
  year: number | null;
  quarter: number | null;
  amount: number | null;
  status: string | null;
  superseded: boolean | null;
}

/** Everything that happened to a household, newest first, in one query. */
export function timeline(orm: Executor, county: string, householdId: string, limit: number) {
  return queryRows<TimelineRow>(orm, sql`
    SELECT * FROM (
      SELECT w.opened_at AS at, 'warning_opened' AS kind, w.title, w.explanation AS detail, w.case_id, NULL::text AS case_no,
        NULL::smallint AS year, NULL::smallint AS quarter, NULL::int8 AS amount, NULL::text AS status, NULL::boolean AS superseded
      FROM warnings w WHERE w.county_code = ${county} AND w.household_id = ${householdId}::uuid
      UNION ALL
      SELECT w.closed_at, 'warning_closed', w.title, w.close_reason, w.case_id, NULL, NULL, NULL, NULL, NULL, NULL
      FROM warnings w WHERE w.county_code = ${county} AND w.household_id = ${householdId}::uuid AND w.closed_at IS NOT NULL
      UNION ALL
      SELECT e.at, 'case_event', e.type, e.actor_name, e.case_id, c.case_no, NULL, NULL, NULL, NULL, NULL
      FROM case_events e JOIN cases c ON c.county_code = e.county_code AND c.id = e.case_id
      WHERE c.county_code = ${county} AND c.household_id = ${householdId}::uuid
      UNION ALL
      SELECT r.recorded_at, 'income_recorded', r.source, r.remark, NULL, NULL, r.year, r.quarter, r.per_capita_net, r.status,
        r.superseded_at IS NOT NULL
      FROM income_records r WHERE r.county_code = ${county} AND r.household_id = ${householdId}::uuid
    ) t ORDER BY at DESC, kind LIMIT ${limit}`);
}
