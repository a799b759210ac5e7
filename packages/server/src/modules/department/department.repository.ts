import type { AssistanceStatus, DepartmentListType, DepartmentRowStatus } from '@zengshou/core';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { queryOne, queryRows, sql, type SQL } from '../../platform/db/sql.ts';

export interface ListRow {
  id: string;
  county_code: string;
  scope_code: string;
  list_type: DepartmentListType;
  uploaded_by: string;
  uploader_name: string | null;
  channel: 'file' | 'api';
  file_name: string;
  sha256: string;
  status: 'dry_run' | 'applied';
  rows_total: number;
  rows_matched: number;
  rows_known: number;
  rows_unmatched: number;
  rows_invalid: number;
  warnings_opened: number;
  leads_opened: number;
  facts_updated: number;
  created_at: Date;
  applied_at: Date | null;
}

/** Who sees which lists: everyone within their scope; an account that cannot read the registry, only its own uploads. */
export interface ListVisibility {
  scope: string;
  ownerOnly: string | null;
}

const visible = (v: ListVisibility): SQL =>
  sql`l.scope_code LIKE ${v.scope + '%'} ${v.ownerOnly ? sql`AND l.uploaded_by = ${v.ownerOnly}::uuid` : sql``}`;

const LIST_COLUMNS = sql`l.*, (SELECT u.display_name FROM users u WHERE u.id = l.uploaded_by) AS uploader_name`;

export async function insertList(tx: Tx, l: { county: string; scope: string; type: DepartmentListType; by: string; channel: 'file' | 'api'; fileName: string; sha256: string; at: Date }) {
  const row = await queryOne<{ id: string }>(tx.orm, sql`INSERT INTO department_lists (county_code, scope_code, list_type, uploaded_by, channel, file_name, sha256, status, created_at)
    VALUES (${l.county}, ${l.scope}, ${l.type}, ${l.by}::uuid, ${l.channel}, ${l.fileName}, ${l.sha256}, 'dry_run', ${l.at}) RETURNING id`);
  return row!.id;
}

export const ROW_COLUMNS = ['list_id', 'row_no', 'id_number', 'fields', 'status', 'reason'] as const;

export function findList(orm: Executor, v: ListVisibility, id: string, forUpdate = false) {
  return queryOne<ListRow>(orm, sql`SELECT ${LIST_COLUMNS} FROM department_lists l WHERE l.id = ${id}::uuid AND ${visible(v)}
    ${forUpdate ? sql`FOR UPDATE OF l` : sql``}`);
}

/** The applied list with the same content, type and scope (idempotency by sha256). */
export function findApplied(orm: Executor, scope: string, type: DepartmentListType, sha256: string) {
  return queryOne<ListRow>(orm, sql`SELECT ${LIST_COLUMNS} FROM department_lists l
    WHERE l.scope_code = ${scope} AND l.list_type = ${type} AND l.sha256 = ${sha256} AND l.status = 'applied'`);
}

export function listLists(orm: Executor, v: ListVisibility, limit: number, offset: number) {
  return queryRows<ListRow & { total: number }>(orm, sql`SELECT ${LIST_COLUMNS}, count(*) OVER ()::int AS total FROM department_lists l
    WHERE ${visible(v)} ORDER BY l.created_at DESC, l.id LIMIT ${limit} OFFSET ${offset}`);
}

export interface ListItemRow {
  row_no: number;
  id_number: string | null;
  fields: Record<string, string | number | null>;
  status: DepartmentRowStatus;
  reason: string | null;
  warning_status: 'open' | 'closed' | null;
  false_positive: boolean;
  total: number;
}

export function listRows(orm: Executor, listId: string, status: DepartmentRowStatus | null, limit: number, offset: number) {
  return queryRows<ListItemRow>(orm, sql`SELECT r.row_no, r.id_number, r.fields, r.status, r.reason,
      w.status AS warning_status, coalesce(w.false_positive_at IS NOT NULL, false) AS false_positive, count(*) OVER ()::int AS total
    FROM department_list_rows r
    LEFT JOIN LATERAL (SELECT w.status, w.false_positive_at FROM warnings w
      WHERE w.department_list_id = r.list_id AND w.county_code = r.county_code AND w.household_id = r.household_id
      ORDER BY w.opened_at DESC LIMIT 1) w ON r.status = 'matched'
    WHERE r.list_id = ${listId}::uuid AND (${status}::text IS NULL OR r.status = ${status})
    ORDER BY r.row_no LIMIT ${limit} OFFSET ${offset}`);
}

// ---------------------------------------------------------------------------------------------------------
// Matching, set-based over the list's rows

/** Resets the list's rows to "not yet matched" (apply re-matches: the registry may have changed since the dry run). */
export async function resetMatches(tx: Tx, listId: string) {
  await tx.orm.execute(sql`UPDATE department_list_rows SET status = 'pending', reason = NULL, county_code = NULL, household_id = NULL,
      member_id = NULL, village_code = NULL
    WHERE list_id = ${listId}::uuid AND status <> 'invalid'`);
}

/** An ID number twice in one list: the later rows are reported, the first one counts. */
export async function markDuplicates(tx: Tx, listId: string) {
  await tx.orm.execute(sql`UPDATE department_list_rows r SET status = 'invalid', reason = '身份证号与第 ' || f.first_row || ' 行重复'
    FROM (SELECT id_number, min(row_no) AS first_row FROM department_list_rows
          WHERE list_id = ${listId}::uuid AND status = 'pending' GROUP BY id_number HAVING count(*) > 1) f
    WHERE r.list_id = ${listId}::uuid AND r.status = 'pending' AND r.id_number = f.id_number AND r.row_no > f.first_row`);
}

/** Matches by ID number against members of households inside the scope only; the rest are unmatched. */
export async function matchMembers(tx: Tx, listId: string, scope: string) {
  await tx.orm.execute(sql`UPDATE department_list_rows r SET county_code = m.county_code, household_id = m.household_id, member_id = m.id,
      village_code = h.village_code
    FROM members m JOIN households h ON h.county_code = m.county_code AND h.id = m.household_id
    WHERE r.list_id = ${listId}::uuid AND r.status = 'pending' AND m.id_number = r.id_number AND h.village_code LIKE ${scope + '%'}`);
  await tx.orm.execute(sql`UPDATE department_list_rows SET status = 'unmatched', reason = '管辖范围内没有该身份证号的农户成员'
    WHERE list_id = ${listId}::uuid AND status = 'pending' AND household_id IS NULL`);
}

export interface MatchedFactsRow {
  row_no: number;
  fields: Record<string, string | number | null>;
  assistance_status: AssistanceStatus;
  unsafe_housing: boolean;
  school_dropout: boolean;
  disability_grade: number | null;
  open_warning: boolean;
}

/** A page of matched rows with the household and member facts the decision reads. */
export function matchedFactsPage(orm: Executor, listId: string, ruleId: string, afterRow: number, limit: number) {
  return queryRows<MatchedFactsRow>(orm, sql`SELECT r.row_no, r.fields, h.assistance_status, h.unsafe_housing, h.school_dropout, m.disability_grade,
      EXISTS (SELECT 1 FROM warnings w WHERE w.county_code = r.county_code AND w.household_id = r.household_id
              AND w.rule_id = ${ruleId} AND w.status = 'open') AS open_warning
    FROM department_list_rows r
    JOIN households h ON h.county_code = r.county_code AND h.id = r.household_id
    JOIN members m ON m.county_code = r.county_code AND m.id = r.member_id
    WHERE r.list_id = ${listId}::uuid AND r.status = 'pending' AND r.row_no > ${afterRow}
    ORDER BY r.row_no LIMIT ${limit}`);
}

export const DECISION_COLUMNS = ['row_no', 'outcome', 'reason', 'fact_kind', 'fact_to', 'rule_id', 'title', 'explanation', 'score'] as const;

export async function createDecisionTable(tx: Tx) {
  await tx.client.query(`CREATE TEMP TABLE dept_decisions (row_no integer PRIMARY KEY, outcome text, reason text, fact_kind text,
    fact_to text, rule_id text, title text, explanation text, score smallint) ON COMMIT DROP`);
}

export async function storeDecisions(tx: Tx, listId: string) {
  await tx.orm.execute(sql`UPDATE department_list_rows r SET status = d.outcome, reason = d.reason
    FROM dept_decisions d WHERE r.list_id = ${listId}::uuid AND r.row_no = d.row_no`);
}

export async function countRows(orm: Executor, listId: string) {
  return (await queryOne<{ total: number; matched: number; known: number; unmatched: number; invalid: number }>(orm, sql`SELECT count(*)::int AS total,
      count(*) FILTER (WHERE status = 'matched')::int AS matched, count(*) FILTER (WHERE status = 'already_known')::int AS known,
      count(*) FILTER (WHERE status = 'unmatched')::int AS unmatched, count(*) FILTER (WHERE status = 'invalid')::int AS invalid
    FROM department_list_rows WHERE list_id = ${listId}::uuid`))!;
}

export async function storeCounts(tx: Tx, listId: string, c: { total: number; matched: number; known: number; unmatched: number; invalid: number }) {
  await tx.orm.execute(sql`UPDATE department_lists SET rows_total = ${c.total}, rows_matched = ${c.matched}, rows_known = ${c.known},
      rows_unmatched = ${c.unmatched}, rows_invalid = ${c.invalid} WHERE id = ${listId}::uuid`);
}

// ---------------------------------------------------------------------------------------------------------
// Applying: facts and warnings, set-based, inside the caller's transaction

const decided = (listId: string, kind: string) => sql`SELECT r.county_code, r.household_id, r.member_id, r.row_no, d.fact_to
  FROM dept_decisions d JOIN department_list_rows r ON r.list_id = ${listId}::uuid AND r.row_no = d.row_no
  WHERE d.outcome = 'matched' AND d.fact_kind = ${kind}`;

/** Updates dibao/特困 status, problem flags and disability grades the list reports; returns how many records changed. */
export async function applyFacts(tx: Tx, listId: string, at: Date, today: string) {
  // Several rows of one household: the last row of the file decides its status.
  const assistance = await tx.orm.execute(sql`WITH x AS (SELECT DISTINCT ON (county_code, household_id) * FROM (${decided(listId, 'assistance_status')}) a
      ORDER BY county_code, household_id, row_no DESC)
    UPDATE households h SET assistance_status = x.fact_to, version = h.version + 1, updated_at = ${at}
    FROM x WHERE h.county_code = x.county_code AND h.id = x.household_id AND h.assistance_status IS DISTINCT FROM x.fact_to`);
  const touched = sql`SELECT DISTINCT h.county_code, h.id, h.assistance_status FROM households h
    JOIN (${decided(listId, 'assistance_status')}) a ON a.county_code = h.county_code AND a.household_id = h.id`;
  await tx.orm.execute(sql`UPDATE household_assistance_history x SET valid_to = ${today}::date FROM (${touched}) t
    WHERE x.county_code = t.county_code AND x.household_id = t.id AND x.valid_to IS NULL AND x.status <> t.assistance_status
      AND x.valid_from < ${today}::date`);
  await tx.orm.execute(sql`INSERT INTO household_assistance_history (county_code, household_id, status, valid_from, source)
    SELECT t.county_code, t.id, t.assistance_status, ${today}::date, ${'department:' + listId} FROM (${touched}) t
    WHERE NOT EXISTS (SELECT 1 FROM household_assistance_history x WHERE x.county_code = t.county_code AND x.household_id = t.id
                      AND x.valid_to IS NULL AND x.status = t.assistance_status)
    ON CONFLICT (county_code, household_id, valid_from) DO UPDATE SET status = EXCLUDED.status, source = EXCLUDED.source`);
  let flags = 0;
  for (const flag of ['unsafe_housing', 'school_dropout'] as const) {
    const col = sql.raw(flag);
    const r = await tx.orm.execute(sql`UPDATE households h SET ${col} = true, version = h.version + 1, updated_at = ${at}
      FROM (SELECT DISTINCT county_code, household_id FROM (${decided(listId, flag)}) a) x
      WHERE h.county_code = x.county_code AND h.id = x.household_id AND NOT h.${col}`);
    flags += r.rowCount ?? 0;
  }
  const grades = await tx.orm.execute(sql`UPDATE members m SET disability_grade = x.fact_to::smallint, version = m.version + 1, updated_at = ${at}
    FROM (${decided(listId, 'disability_grade')}) x
    WHERE m.county_code = x.county_code AND m.id = x.member_id AND m.disability_grade IS DISTINCT FROM x.fact_to::smallint`);
  return (assistance.rowCount ?? 0) + flags + (grades.rowCount ?? 0);
}

/** One open warning per household and list type, routed to the household's village; returns how many opened. */
export async function openWarnings(tx: Tx, listId: string, source: string, version: string, at: Date, dueDays: number) {
  const r = await tx.orm.execute(sql`INSERT INTO warnings (county_code, household_id, village_code, rule_id, rule_version, source, status,
      title, explanation, score, facts, opened_at, due_at, updated_at, department_list_id, department_row_no)
    SELECT DISTINCT ON (r.county_code, r.household_id) r.county_code, r.household_id, h.village_code, d.rule_id, ${version}, ${source}, 'open',
      d.title, d.explanation, d.score, jsonb_build_object('listId', ${listId}::text, 'rowNo', r.row_no, 'fields', r.fields - 'name'),
      ${at}, ${new Date(at.getTime() + dueDays * 86_400_000)}, ${at}, r.list_id, r.row_no
    FROM dept_decisions d
    JOIN department_list_rows r ON r.list_id = ${listId}::uuid AND r.row_no = d.row_no
    JOIN households h ON h.county_code = r.county_code AND h.id = r.household_id
    WHERE d.outcome = 'matched'
    ORDER BY r.county_code, r.household_id, r.row_no
    ON CONFLICT (county_code, household_id, rule_id) WHERE status = 'open' DO NOTHING
    RETURNING county_code, id, household_id, village_code, title`);
  return r.rows as unknown as OpenedWarning[];
}

export interface OpenedWarning {
  county_code: string;
  id: string;
  household_id: string;
  village_code: string;
  title: string;
}

/** A warning that a lead now follows (the one the list opened, or the household's case already running). */
export async function linkWarningToCase(tx: Tx, county: string, warningId: string, caseId: string) {
  await tx.orm.execute(sql`UPDATE warnings SET case_id = ${caseId}::uuid WHERE county_code = ${county} AND id = ${warningId}::uuid`);
}

export async function markApplied(tx: Tx, listId: string, at: Date, counts: { opened: number; leads: number; facts: number }) {
  await tx.orm.execute(sql`UPDATE department_lists SET status = 'applied', applied_at = ${at}, warnings_opened = ${counts.opened},
      leads_opened = ${counts.leads}, facts_updated = ${counts.facts}
    WHERE id = ${listId}::uuid`);
}

// ---------------------------------------------------------------------------------------------------------
// Warnings: false positives and the feedback to departments

export function warningInScope(orm: Executor, scope: string, id: string) {
  return queryOne<{ county_code: string; id: string; village_code: string; source: string; status: 'open' | 'closed'; case_id: string | null; title: string }>(orm, sql`
    SELECT county_code, id, village_code, source, status, case_id, title FROM warnings
    WHERE id = ${id}::uuid AND village_code LIKE ${scope + '%'} FOR UPDATE`);
}

export async function markFalsePositive(tx: Tx, county: string, id: string, reason: string, by: string, at: Date) {
  await tx.orm.execute(sql`UPDATE warnings SET status = 'closed', closed_at = ${at}, updated_at = ${at}, close_reason = ${'误报：' + reason},
      false_positive_reason = ${reason}, false_positive_at = ${at}, false_positive_by = ${by}::uuid
    WHERE county_code = ${county} AND id = ${id}::uuid AND status = 'open'`);
}

export function falsePositiveCounts(orm: Executor, v: ListVisibility) {
  return queryRows<{ list_type: DepartmentListType; pushed: number; false_positives: number; open: number }>(orm, sql`
    SELECT l.list_type, count(w.id)::int AS pushed, count(w.false_positive_at)::int AS false_positives,
      count(w.id) FILTER (WHERE w.status = 'open')::int AS open
    FROM department_lists l JOIN warnings w ON w.department_list_id = l.id
    WHERE ${visible(v)} GROUP BY l.list_type`);
}
