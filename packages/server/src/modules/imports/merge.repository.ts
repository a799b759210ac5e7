import { INCOME_ITEMS } from '@zengshou/core';
import type { Tx } from '../../platform/db/database.ts';
import { queryOne, queryRows, sql, type SQL } from '../../platform/db/sql.ts';

export interface MergeCounts {
  inserted: number;
  updated: number;
}

const itemCols = INCOME_ITEMS.map((i) => i.column);
const cols = (prefix: string) => sql.raw(itemCols.map((c) => `${prefix}.${c}`).join(', '));

/** Households from the file, by number: new ones inserted, changed ones updated, identical ones left alone. */
export async function mergeHouseholds(tx: Tx, jobId: string): Promise<MergeCounts> {
  const row = await queryOne<{ inserted: number; updated: number }>(tx.orm, sql`
    WITH up AS (
      INSERT INTO households (county_code, household_no, village_code, address, household_type, assistance_status, relocated,
                              phone, unsafe_housing, unsafe_water, school_dropout, uninsured_member)
      SELECT substr(village_code, 1, 6), household_no, village_code, coalesce(address, ''), household_type,
             coalesce(assistance_status, 'none'), relocated, phone, unsafe_housing, unsafe_water, school_dropout, uninsured_member
      FROM import_stage_households WHERE job_id = ${jobId} AND ok
      ON CONFLICT (county_code, household_no) DO UPDATE SET
        village_code = EXCLUDED.village_code, address = EXCLUDED.address, household_type = EXCLUDED.household_type,
        assistance_status = EXCLUDED.assistance_status, relocated = EXCLUDED.relocated, phone = EXCLUDED.phone,
        unsafe_housing = EXCLUDED.unsafe_housing, unsafe_water = EXCLUDED.unsafe_water,
        school_dropout = EXCLUDED.school_dropout, uninsured_member = EXCLUDED.uninsured_member,
        version = households.version + 1, updated_at = now()
      WHERE (households.village_code, households.address, households.household_type, households.assistance_status,
             households.relocated, households.phone, households.unsafe_housing, households.unsafe_water,
             households.school_dropout, households.uninsured_member)
        IS DISTINCT FROM (EXCLUDED.village_code, EXCLUDED.address, EXCLUDED.household_type, EXCLUDED.assistance_status,
             EXCLUDED.relocated, EXCLUDED.phone, EXCLUDED.unsafe_housing, EXCLUDED.unsafe_water,
             EXCLUDED.school_dropout, EXCLUDED.uninsured_member)
      RETURNING (xmax = 0) AS inserted)
    SELECT count(*) FILTER (WHERE inserted)::int8 AS inserted, count(*) FILTER (WHERE NOT inserted)::int8 AS updated FROM up`);
  return row ?? { inserted: 0, updated: 0 };
}

/** Dibao/特困 history follows the current status: close a different open period, open one for the new status. */
export async function syncAssistanceHistory(tx: Tx, jobId: string, today: string) {
  const touched = sql`SELECT h.county_code, h.id, h.assistance_status FROM households h
    JOIN import_stage_households s ON s.job_id = ${jobId} AND s.ok AND h.county_code = substr(s.village_code, 1, 6)
      AND h.household_no = s.household_no`;
  await tx.orm.execute(sql`UPDATE household_assistance_history x SET valid_to = ${today}::date FROM (${touched}) t
    WHERE x.county_code = t.county_code AND x.household_id = t.id AND x.valid_to IS NULL AND x.status <> t.assistance_status
      AND x.valid_from < ${today}::date`);
  await tx.orm.execute(sql`INSERT INTO household_assistance_history (county_code, household_id, status, valid_from, source)
    SELECT t.county_code, t.id, t.assistance_status, ${today}::date, ${'import:' + jobId} FROM (${touched}) t
    WHERE NOT EXISTS (SELECT 1 FROM household_assistance_history x WHERE x.county_code = t.county_code AND x.household_id = t.id
                      AND x.valid_to IS NULL AND x.status = t.assistance_status)
    ON CONFLICT (county_code, household_id, valid_from) DO UPDATE SET status = EXCLUDED.status, source = EXCLUDED.source`);
}

/** The household a staged row names: in the importer's scope, by number. */
const householdOf = (alias: string, scope: string): SQL =>
  sql`households h ON h.household_no = ${sql.raw(alias)}.household_no AND h.village_code LIKE ${scope + '%'}`;

export async function mergeMembers(tx: Tx, jobId: string, scope: string): Promise<MergeCounts> {
  const row = await queryOne<{ inserted: number; updated: number }>(tx.orm, sql`
    WITH up AS (
      INSERT INTO members (county_code, household_id, id_number, name, sex, birth_date, relation, labour_capacity, health,
                           disability_grade, schooling, schooling_status, employment_status, employment_place, skills)
      SELECT h.county_code, h.id, s.id_number, s.name, s.sex, s.birth_date, s.relation, s.labour_capacity, s.health,
             s.disability_grade, s.schooling, s.schooling_status, s.employment_status, s.employment_place, s.skills
      FROM import_stage_members s JOIN ${householdOf('s', scope)}
      WHERE s.job_id = ${jobId} AND s.ok
      ON CONFLICT (id_number) DO UPDATE SET
        name = EXCLUDED.name, relation = EXCLUDED.relation, labour_capacity = EXCLUDED.labour_capacity,
        health = EXCLUDED.health, disability_grade = EXCLUDED.disability_grade, schooling = EXCLUDED.schooling,
        schooling_status = EXCLUDED.schooling_status, employment_status = EXCLUDED.employment_status,
        employment_place = EXCLUDED.employment_place, skills = EXCLUDED.skills,
        version = members.version + 1, updated_at = now()
      WHERE members.household_id = EXCLUDED.household_id
        AND (members.name, members.relation, members.labour_capacity, members.health, members.disability_grade,
             members.schooling, members.schooling_status, members.employment_status, members.employment_place, members.skills)
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.relation, EXCLUDED.labour_capacity, EXCLUDED.health,
             EXCLUDED.disability_grade, EXCLUDED.schooling, EXCLUDED.schooling_status, EXCLUDED.employment_status,
             EXCLUDED.employment_place, EXCLUDED.skills)
      RETURNING (xmax = 0) AS inserted)
    SELECT count(*) FILTER (WHERE inserted)::int8 AS inserted, count(*) FILTER (WHERE NOT inserted)::int8 AS updated FROM up`);
  await tx.orm.execute(sql`UPDATE households h SET member_count = c.n
    FROM (SELECT m.county_code, m.household_id, count(*)::int AS n FROM members m
          WHERE (m.county_code, m.household_id) IN (SELECT h2.county_code, h2.id FROM import_stage_members s
                                                    JOIN households h2 ON h2.household_no = s.household_no
                                                      AND h2.village_code LIKE ${scope + '%'}
                                                    WHERE s.job_id = ${jobId} AND s.ok)
          GROUP BY 1, 2) c
    WHERE h.county_code = c.county_code AND h.id = c.household_id AND h.member_count <> c.n`);
  return row ?? { inserted: 0, updated: 0 };
}

/**
 * Income rows whose period is new or whose amounts differ from the current record: only these become new
 * revisions, which is what makes importing the same file twice a no-op.
 */
export async function stageChangedIncome(tx: Tx, jobId: string, scope: string): Promise<number> {
  await tx.client.query('DROP TABLE IF EXISTS import_income_changed');
  await tx.orm.execute(sql`CREATE TEMP TABLE import_income_changed ON COMMIT DROP AS
    SELECT s.sheet, s.row_no, h.county_code, h.id AS household_id, h.village_code, s.year, s.quarter, ${cols('s')}, s.remark,
           (r.id IS NULL) AS is_new
    FROM import_stage_income s JOIN ${householdOf('s', scope)}
    LEFT JOIN income_records r ON r.county_code = h.county_code AND r.household_id = h.id AND r.year = s.year
      AND r.quarter = s.quarter AND r.superseded_at IS NULL
    WHERE s.job_id = ${jobId} AND s.ok
      AND (r.id IS NULL OR (${cols('r')}, r.remark) IS DISTINCT FROM (${cols('s')}, s.remark))`);
  // Keyed like income_records: the paged pass and its previous-quarter look-up walk this index.
  await tx.client.query('CREATE UNIQUE INDEX ON import_income_changed (county_code, household_id, year, quarter)');
  await tx.client.query('ANALYZE import_income_changed');
  const n = await queryOne<{ n: number }>(tx.orm, sql`SELECT count(*)::int8 AS n FROM import_income_changed`);
  return n?.n ?? 0;
}

export interface ChangedIncomeRow extends Record<string, unknown> {
  sheet: string;
  row_no: number;
  county_code: string;
  household_id: string;
  village_code: string;
  year: number;
  quarter: number;
  remark: string | null;
  is_new: boolean;
}

export interface HouseholdFactsRow {
  county_code: string;
  id: string;
  household_type: string;
  monitored: boolean;
  members: Array<{ birthDate: string; labourCapacity: string; health: string; schoolingStatus: string | null; employmentStatus: string | null }>;
}

export type PeriodKey = { county: string; household: string; year: number; quarter: number };

/** A page of changed income rows in key order (the temp table's unique index serves it). */
export function changedIncomePage(tx: Tx, after: PeriodKey | null, limit: number) {
  const cursor = after
    ? sql`WHERE (c.county_code, c.household_id, c.year, c.quarter) > (${after.county}, ${after.household}::uuid, ${after.year}, ${after.quarter})`
    : sql``;
  return queryRows<ChangedIncomeRow>(tx.orm, sql`SELECT c.* FROM import_income_changed c ${cursor}
    ORDER BY c.county_code, c.household_id, c.year, c.quarter LIMIT ${limit}`);
}

/** What the logic checks need of each household on a page, in one query: its type and its members. */
export function householdFacts(tx: Tx, keys: ReadonlyArray<{ county: string; household: string }>) {
  return queryRows<HouseholdFactsRow>(tx.orm, sql`
    SELECT h.county_code, h.id, h.household_type, (h.monitoring_category IS NOT NULL) AS monitored,
      coalesce((SELECT jsonb_agg(jsonb_build_object('birthDate', m.birth_date, 'labourCapacity', m.labour_capacity,
                  'health', m.health, 'schoolingStatus', m.schooling_status, 'employmentStatus', m.employment_status)
                  ORDER BY m.birth_date)
                FROM members m WHERE m.county_code = h.county_code AND m.household_id = h.id), '[]'::jsonb) AS members
    FROM households h
    JOIN unnest(${sql.param(keys.map((k) => k.county))}::text[], ${sql.param(keys.map((k) => k.household))}::uuid[]) AS k(county_code, id)
      ON h.county_code = k.county_code AND h.id = k.id`);
}

/** Current records of the given periods (the quarter before a changed one, when the file does not bring it). */
export function currentRecordsOf(tx: Tx, keys: readonly PeriodKey[]) {
  return queryRows<Record<string, unknown> & { county_code: string; household_id: string; year: number; quarter: number }>(tx.orm, sql`
    SELECT r.county_code, r.household_id, r.year, r.quarter, ${cols('r')} FROM income_records r
    JOIN unnest(${sql.param(keys.map((k) => k.county))}::text[], ${sql.param(keys.map((k) => k.household))}::uuid[],
                ${sql.param(keys.map((k) => k.year))}::int[], ${sql.param(keys.map((k) => k.quarter))}::int[]) AS k(county_code, household_id, year, quarter)
      ON r.county_code = k.county_code AND r.household_id = k.household_id AND r.year = k.year AND r.quarter = k.quarter
    WHERE r.superseded_at IS NULL`);
}

export async function supersedeChangedIncome(tx: Tx, at: Date) {
  await tx.orm.execute(sql`UPDATE income_records r SET superseded_at = ${at} FROM import_income_changed c
    WHERE r.county_code = c.county_code AND r.household_id = c.household_id AND r.year = c.year AND r.quarter = c.quarter
      AND r.superseded_at IS NULL`);
}

/** The households this import gave new income revisions, as refreshLatestIncome targets. */
export const touchedByIncome = sql`SELECT DISTINCT county_code, household_id FROM import_income_changed`;
