import { INCOME_ITEMS, maskIdNumber, validateIdNumber } from '@zengshou/core';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { queryOne, queryRows, sql } from '../../platform/db/sql.ts';

export const STAGE_COLUMNS = {
  households: ['job_id', 'sheet', 'row_no', 'household_no', 'village_code', 'address', 'household_type', 'assistance_status',
    'relocated', 'phone', 'unsafe_housing', 'unsafe_water', 'school_dropout', 'uninsured_member'],
  members: ['job_id', 'sheet', 'row_no', 'household_no', 'id_number', 'name', 'sex', 'birth_date', 'relation', 'labour_capacity',
    'health', 'disability_grade', 'schooling', 'schooling_status', 'employment_status', 'employment_place', 'skills'],
  income: ['job_id', 'sheet', 'row_no', 'household_no', 'year', 'quarter', ...INCOME_ITEMS.map((i) => i.column), 'remark'],
} as const;

export interface ImportJobRow {
  id: string;
  file_sha256: string;
  file_name: string;
  file_size: number;
  mode: 'all-or-nothing' | 'valid-rows';
  dry_run: boolean;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'rejected' | 'interrupted';
  scope: string;
  rows_total: number;
  rows_done: number;
  rows_bad: number;
  summary: unknown;
  message: string | null;
  created_by: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export function insertJob(orm: Executor, j: { sha: string; name: string; size: number; mode: string; dryRun: boolean; scope: string; userId: string | null }) {
  return queryOne<ImportJobRow>(
    orm,
    sql`INSERT INTO import_jobs (file_sha256, file_name, file_size, mode, dry_run, status, scope, created_by)
        VALUES (${j.sha}, ${j.name}, ${j.size}, ${j.mode}, ${j.dryRun}, 'running', ${j.scope}, ${j.userId}) RETURNING *`,
  );
}

export async function updateJobProgress(orm: Executor, id: string, done: number, bad: number, total: number) {
  await orm.execute(sql`UPDATE import_jobs SET rows_done = ${done}, rows_bad = ${bad}, rows_total = ${total} WHERE id = ${id}`);
}

export async function finishJob(orm: Executor, id: string, status: ImportJobRow['status'], message: string | null, summary: unknown, at: Date) {
  await orm.execute(sql`UPDATE import_jobs SET status = ${status}, message = ${message}, summary = ${JSON.stringify(summary)}::jsonb,
                               finished_at = ${at} WHERE id = ${id}`);
}

export function findJob(orm: Executor, scope: string, id: string) {
  return queryOne<ImportJobRow>(orm, sql`SELECT * FROM import_jobs WHERE id = ${id} AND scope LIKE ${scope + '%'}`);
}

export function listJobs(orm: Executor, scope: string, limit: number) {
  return queryRows<ImportJobRow>(orm, sql`SELECT * FROM import_jobs WHERE scope LIKE ${scope + '%'} ORDER BY created_at DESC LIMIT ${limit}`);
}

/** A finished, applied import of the same bytes by the same scope: running it again would change nothing. */
export function findAppliedImport(orm: Executor, sha: string, scope: string) {
  return queryOne<ImportJobRow>(
    orm,
    sql`SELECT * FROM import_jobs WHERE file_sha256 = ${sha} AND scope = ${scope} AND status = 'succeeded' AND NOT dry_run
        ORDER BY finished_at DESC LIMIT 1`,
  );
}

/** After a crash (kill -9, power loss) jobs left 'running' are marked and their staging rows dropped. */
export async function interruptStaleJobs(orm: Executor, at: Date) {
  const stale = await queryRows<{ id: string }>(orm, sql`UPDATE import_jobs SET status = 'interrupted', finished_at = ${at},
      message = '导入过程中服务中断，未写入任何数据，请重新导入' WHERE status = 'running' RETURNING id`);
  if (stale.length > 0) await dropStaging(orm, stale.map((s) => s.id));
  return stale.length;
}

export async function dropStaging(orm: Executor, jobIds: readonly string[]) {
  const ids = sql.param(jobIds);
  await orm.execute(sql`DELETE FROM import_stage_households WHERE job_id = ANY(${ids}::uuid[])`);
  await orm.execute(sql`DELETE FROM import_stage_members WHERE job_id = ANY(${ids}::uuid[])`);
  await orm.execute(sql`DELETE FROM import_stage_income WHERE job_id = ANY(${ids}::uuid[])`);
}

export interface RowError {
  sheet: string;
  rowNo: number;
  column: string;
  value: string | null;
  reason: string;
}

export async function insertRowErrors(tx: Tx, jobId: string, errors: readonly RowError[]) {
  if (errors.length === 0) return;
  await tx.copyRows('import_row_errors', ['job_id', 'sheet', 'row_no', 'col', 'value', 'reason'],
    errors.map((e) => [jobId, e.sheet, e.rowNo, e.column, reportValue(e.value), e.reason]));
}

/** The report repeats what the user typed, except a valid ID number, which is masked like everywhere else. */
function reportValue(value: string | null): string | null {
  if (value === null) return null;
  return validateIdNumber(value).ok ? maskIdNumber(value) : value.slice(0, 500);
}

export function rowErrors(orm: Executor, jobId: string, limit: number) {
  return queryRows<{ sheet: string; row_no: number; col: string; value: string | null; reason: string }>(
    orm,
    sql`SELECT sheet, row_no, col, value, reason FROM import_row_errors WHERE job_id = ${jobId}
        ORDER BY CASE sheet WHEN '户信息' THEN 1 WHEN '成员信息' THEN 2 WHEN '收入信息' THEN 3 ELSE 4 END, sheet, row_no, col
        LIMIT ${limit}`,
  );
}

/**
 * Cross-row and database checks, set-based over the staged rows. Each statement marks the offending staged rows
 * (ok = false) and writes one error per row with the reason. Returns nothing: the errors are in the table.
 */
export async function crossCheck(tx: Tx, jobId: string, scope: string) {
  const run = (q: ReturnType<typeof sql>) => tx.orm.execute(q);
  const scopePattern = scope + '%';
  // Households: duplicate numbers inside the file (every repeat after the first).
  await run(sql`WITH d AS (
      SELECT row_no, sheet, household_no, min(row_no) OVER (PARTITION BY household_no) AS first_row
      FROM import_stage_households WHERE job_id = ${jobId} AND ok)
    , bad AS (UPDATE import_stage_households s SET ok = false FROM d
              WHERE s.job_id = ${jobId} AND s.row_no = d.row_no AND s.sheet = d.sheet AND d.row_no <> d.first_row
              RETURNING s.sheet, s.row_no, s.household_no, d.first_row)
    INSERT INTO import_row_errors (job_id, sheet, row_no, col, value, reason)
    SELECT ${jobId}, sheet, row_no, '户编号', household_no, '户编号在文件中重复（首次出现在第 ' || first_row || ' 行）' FROM bad`);
  // Households: the village code must be a current village inside the importer's scope.
  await run(sql`WITH bad AS (UPDATE import_stage_households s SET ok = false
      WHERE s.job_id = ${jobId} AND s.ok AND NOT (s.village_code LIKE ${scopePattern} AND EXISTS (
        SELECT 1 FROM regions r WHERE r.code = s.village_code AND r.valid_to IS NULL AND r.level = 'village'))
      RETURNING s.sheet, s.row_no, s.village_code)
    INSERT INTO import_row_errors (job_id, sheet, row_no, col, value, reason)
    SELECT ${jobId}, sheet, row_no, '村级区划代码', village_code,
      CASE WHEN EXISTS (SELECT 1 FROM regions r WHERE r.code = bad.village_code AND r.valid_to IS NOT NULL)
           THEN '村级区划代码已停用（区划调整），请改用新代码'
           WHEN bad.village_code NOT LIKE ${scopePattern} THEN '该村不在您的管辖范围内'
           ELSE '村级区划代码不存在' END FROM bad`);
  // Households: a number already used by a household outside the importer's scope may not be taken over.
  await run(sql`WITH bad AS (UPDATE import_stage_households s SET ok = false
      WHERE s.job_id = ${jobId} AND s.ok AND EXISTS (SELECT 1 FROM households h WHERE h.county_code = substr(s.village_code, 1, 6)
        AND h.household_no = s.household_no AND h.village_code NOT LIKE ${scopePattern})
      RETURNING s.sheet, s.row_no, s.household_no)
    INSERT INTO import_row_errors (job_id, sheet, row_no, col, value, reason)
    SELECT ${jobId}, sheet, row_no, '户编号', household_no, '户编号已被其他地区的农户使用' FROM bad`);

  // Members: the same person twice in the file — in the same household a repeat, in two households a conflict.
  await run(sql`WITH d AS (
      SELECT sheet, row_no, id_number, household_no,
             first_value(row_no) OVER w AS first_row, first_value(household_no) OVER w AS first_household
      FROM import_stage_members WHERE job_id = ${jobId} AND ok
      WINDOW w AS (PARTITION BY id_number ORDER BY row_no))
    , bad AS (UPDATE import_stage_members s SET ok = false FROM d
              WHERE s.job_id = ${jobId} AND s.sheet = d.sheet AND s.row_no = d.row_no AND d.row_no <> d.first_row
              RETURNING s.sheet, s.row_no, s.id_number, d.first_row, d.first_household, s.household_no)
    INSERT INTO import_row_errors (job_id, sheet, row_no, col, value, reason)
    SELECT ${jobId}, sheet, row_no, '身份证号', left(id_number, 6) || '********' || right(id_number, 4),
      CASE WHEN household_no = first_household THEN '身份证号在文件中重复（首次出现在第 ' || first_row || ' 行）'
           ELSE '同一人被列在两户中（第 ' || first_row || ' 行为户 ' || first_household || '），一人只能属于一户' END FROM bad`);
  // Members: the household must be in this file (and valid) or already registered inside the scope.
  await run(sql`WITH bad AS (UPDATE import_stage_members s SET ok = false
      WHERE s.job_id = ${jobId} AND s.ok
        AND NOT EXISTS (SELECT 1 FROM import_stage_households h WHERE h.job_id = ${jobId} AND h.ok AND h.household_no = s.household_no)
        AND NOT EXISTS (SELECT 1 FROM households h WHERE h.household_no = s.household_no AND h.village_code LIKE ${scopePattern})
      RETURNING s.sheet, s.row_no, s.household_no)
    INSERT INTO import_row_errors (job_id, sheet, row_no, col, value, reason)
    SELECT ${jobId}, sheet, row_no, '户编号', household_no, '户编号不存在（户信息中没有，系统中也没有）' FROM bad`);
  // Members: a person already registered in another household is moved by the move procedure, not by import.
  await run(sql`WITH bad AS (UPDATE import_stage_members s SET ok = false
      WHERE s.job_id = ${jobId} AND s.ok AND EXISTS (
        SELECT 1 FROM members m JOIN households h ON h.county_code = m.county_code AND h.id = m.household_id
        WHERE m.id_number = s.id_number AND h.household_no <> s.household_no)
      RETURNING s.sheet, s.row_no, s.id_number)
    INSERT INTO import_row_errors (job_id, sheet, row_no, col, value, reason)
    SELECT ${jobId}, sheet, row_no, '身份证号', left(id_number, 6) || '********' || right(id_number, 4),
      '该身份证号已登记在其他户中，一人只能属于一户；如需迁户请在系统中办理' FROM bad`);

  // Income: the household must exist (file or scope) and have at least one member; one record per period.
  await run(sql`WITH bad AS (UPDATE import_stage_income s SET ok = false
      WHERE s.job_id = ${jobId} AND s.ok
        AND NOT EXISTS (SELECT 1 FROM import_stage_households h WHERE h.job_id = ${jobId} AND h.ok AND h.household_no = s.household_no)
        AND NOT EXISTS (SELECT 1 FROM households h WHERE h.household_no = s.household_no AND h.village_code LIKE ${scopePattern})
      RETURNING s.sheet, s.row_no, s.household_no)
    INSERT INTO import_row_errors (job_id, sheet, row_no, col, value, reason)
    SELECT ${jobId}, sheet, row_no, '户编号', household_no, '户编号不存在（户信息中没有，系统中也没有）' FROM bad`);
  await run(sql`WITH bad AS (UPDATE import_stage_income s SET ok = false
      WHERE s.job_id = ${jobId} AND s.ok
        AND NOT EXISTS (SELECT 1 FROM import_stage_members m WHERE m.job_id = ${jobId} AND m.ok AND m.household_no = s.household_no)
        AND NOT EXISTS (SELECT 1 FROM members m JOIN households h ON h.county_code = m.county_code AND h.id = m.household_id
                        WHERE h.household_no = s.household_no AND h.village_code LIKE ${scopePattern})
      RETURNING s.sheet, s.row_no, s.household_no)
    INSERT INTO import_row_errors (job_id, sheet, row_no, col, value, reason)
    SELECT ${jobId}, sheet, row_no, '户编号', household_no, '该户没有家庭成员，无法计算人均收入，请先导入成员信息' FROM bad`);
  await run(sql`WITH d AS (
      SELECT sheet, row_no, min(row_no) OVER (PARTITION BY household_no, year, quarter) AS first_row
      FROM import_stage_income WHERE job_id = ${jobId} AND ok)
    , bad AS (UPDATE import_stage_income s SET ok = false FROM d
              WHERE s.job_id = ${jobId} AND s.sheet = d.sheet AND s.row_no = d.row_no AND d.row_no <> d.first_row
              RETURNING s.sheet, s.row_no, s.year, s.quarter, d.first_row)
    INSERT INTO import_row_errors (job_id, sheet, row_no, col, value, reason)
    SELECT ${jobId}, sheet, row_no, '季度', year || '年第' || quarter || '季度',
      '同一户同一季度的收入在文件中重复（首次出现在第 ' || first_row || ' 行）' FROM bad`);
}

export async function countBadRows(orm: Executor, jobId: string) {
  return (await queryOne<{ n: number }>(orm, sql`SELECT count(DISTINCT (sheet, row_no))::int8 AS n FROM import_row_errors WHERE job_id = ${jobId}`))?.n ?? 0;
}

export async function stagedOkCounts(orm: Executor, jobId: string) {
  const row = await queryOne<{ households: number; members: number; income: number }>(
    orm,
    sql`SELECT (SELECT count(*) FROM import_stage_households WHERE job_id = ${jobId} AND ok)::int8 AS households,
               (SELECT count(*) FROM import_stage_members WHERE job_id = ${jobId} AND ok)::int8 AS members,
               (SELECT count(*) FROM import_stage_income WHERE job_id = ${jobId} AND ok)::int8 AS income`,
  );
  return row ?? { households: 0, members: 0, income: 0 };
}
