import type { Executor } from '../../platform/db/database.ts';
import { queryOne, queryRows, sql, type SQL } from '../../platform/db/sql.ts';

export interface HouseholdRow {
  county_code: string;
  id: string;
  household_no: string;
  village_code: string;
  village_name: string | null;
  township_name: string | null;
  address: string;
  household_type: string;
  assistance_status: string;
  monitoring_category: string | null;
  relocated: boolean;
  phone: string | null;
  unsafe_housing: boolean;
  unsafe_water: boolean;
  school_dropout: boolean;
  uninsured_member: boolean;
  latest_year: number | null;
  latest_quarter: number | null;
  latest_per_capita_annual: number | null;
  latest_check_errors: number;
  latest_check_warnings: number;
  member_count: number;
  head_name: string | null;
  version: number;
  updated_at: Date;
}

export interface HouseholdFilter {
  /** Region prefix already narrowed to within the caller's scope. */
  region: string;
  householdType?: string | undefined;
  monitoringCategory?: string | undefined;
  assistanceStatus?: string | undefined;
  incomeMinFen?: number | undefined;
  incomeMaxFen?: number | undefined;
  failingChecks?: boolean | undefined;
  problemFlag?: 'unsafe_housing' | 'unsafe_water' | 'school_dropout' | 'uninsured_member' | undefined;
  /** Name (of any member) or full ID number. */
  search?: string | undefined;
}

const householdColumns = sql`h.county_code, h.id, h.household_no, h.village_code, h.address, h.household_type,
  h.assistance_status, h.monitoring_category, h.relocated, h.phone, h.unsafe_housing, h.unsafe_water, h.school_dropout,
  h.uninsured_member, h.latest_year, h.latest_quarter, h.latest_per_capita_annual, h.latest_check_errors,
  h.latest_check_warnings, h.member_count, h.version, h.updated_at,
  (SELECT r.name FROM regions r WHERE r.code = h.village_code AND r.valid_to IS NULL) AS village_name,
  (SELECT r.name FROM regions r WHERE r.code = substr(h.village_code, 1, 9) AND r.valid_to IS NULL) AS township_name,
  (SELECT m.name FROM members m WHERE m.county_code = h.county_code AND m.household_id = h.id AND m.relation = 'head' LIMIT 1) AS head_name`;

function filterSql(f: HouseholdFilter): SQL {
  const parts: SQL[] = [sql`h.village_code LIKE ${f.region + '%'}`];
  if (f.householdType) parts.push(sql`h.household_type = ${f.householdType}`);
  if (f.monitoringCategory === 'any') parts.push(sql`h.monitoring_category IS NOT NULL`);
  else if (f.monitoringCategory) parts.push(sql`h.monitoring_category = ${f.monitoringCategory}`);
  if (f.assistanceStatus) parts.push(sql`h.assistance_status = ${f.assistanceStatus}`);
  if (f.incomeMinFen !== undefined) parts.push(sql`h.latest_per_capita_annual >= ${f.incomeMinFen}`);
  if (f.incomeMaxFen !== undefined) parts.push(sql`h.latest_per_capita_annual < ${f.incomeMaxFen}`);
  if (f.failingChecks) parts.push(sql`(h.latest_check_errors + h.latest_check_warnings) > 0`);
  if (f.problemFlag) parts.push(sql`${sql.identifier(f.problemFlag)} = true`);
  if (f.search) {
    const s = f.search;
    parts.push(
      /^[0-9]{17}[0-9X]$/.test(s)
        ? sql`EXISTS (SELECT 1 FROM members m WHERE m.id_number = ${s} AND m.county_code = h.county_code AND m.household_id = h.id)`
        : sql`(h.household_no = ${s} OR EXISTS (SELECT 1 FROM members m WHERE m.county_code = h.county_code
               AND m.household_id = h.id AND m.name LIKE ${s.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}))`,
    );
  }
  return sql.join(parts, sql` AND `);
}

export function listHouseholds(orm: Executor, f: HouseholdFilter, limit: number, offset: number) {
  return queryRows<HouseholdRow>(
    orm,
    sql`SELECT ${householdColumns} FROM households h WHERE ${filterSql(f)}
        ORDER BY h.village_code, h.household_no LIMIT ${limit} OFFSET ${offset}`,
  );
}

export async function countHouseholds(orm: Executor, f: HouseholdFilter) {
  return (await queryOne<{ n: number }>(orm, sql`SELECT count(*)::int8 AS n FROM households h WHERE ${filterSql(f)}`))?.n ?? 0;
}

/** Streams a filtered list in pages by key, for exports: memory stays flat whatever the size. */
export async function* iterateHouseholds(orm: Executor, f: HouseholdFilter, pageSize = 2000) {
  let after: { village: string; no: string } | null = null;
  for (;;) {
    const cursor: SQL = after ? sql`AND (h.village_code, h.household_no) > (${after.village}, ${after.no})` : sql``;
    const rows: HouseholdRow[] = await queryRows<HouseholdRow>(
      orm,
      sql`SELECT ${householdColumns} FROM households h WHERE ${filterSql(f)} ${cursor}
          ORDER BY h.village_code, h.household_no LIMIT ${pageSize}`,
    );
    if (rows.length === 0) return;
    yield rows;
    const last: HouseholdRow = rows[rows.length - 1]!;
    after = { village: last.village_code, no: last.household_no };
  }
}

/** Outside the scope is the same as missing: the caller learns nothing about it. */
export function findHousehold(orm: Executor, scope: string, id: string) {
  return queryOne<HouseholdRow>(
    orm,
    sql`SELECT ${householdColumns} FROM households h WHERE h.id = ${id} AND h.village_code LIKE ${scope + '%'}`,
  );
}

export function findHouseholdForUpdate(orm: Executor, scope: string, id: string) {
  return queryOne<HouseholdRow>(
    orm,
    sql`SELECT ${householdColumns} FROM households h WHERE h.id = ${id} AND h.village_code LIKE ${scope + '%'} FOR UPDATE`,
  );
}

export interface HouseholdWrite {
  householdNo: string;
  villageCode: string;
  address: string;
  householdType: string;
  assistanceStatus: string;
  relocated: boolean;
  phone: string | null;
  unsafeHousing: boolean;
  unsafeWater: boolean;
  schoolDropout: boolean;
  uninsuredMember: boolean;
}

export function insertHousehold(orm: Executor, h: HouseholdWrite) {
  return queryOne<{ id: string; county_code: string }>(
    orm,
    sql`INSERT INTO households (county_code, household_no, village_code, address, household_type, assistance_status,
                                relocated, phone, unsafe_housing, unsafe_water, school_dropout, uninsured_member)
        VALUES (${h.villageCode.slice(0, 6)}, ${h.householdNo}, ${h.villageCode}, ${h.address}, ${h.householdType},
                ${h.assistanceStatus}, ${h.relocated}, ${h.phone}, ${h.unsafeHousing}, ${h.unsafeWater}, ${h.schoolDropout},
                ${h.uninsuredMember})
        RETURNING id, county_code`,
  );
}

/** Optimistic locking: only the version the editor read may be overwritten. Village moves stay in the county. */
export function updateHousehold(orm: Executor, scope: string, id: string, version: number, h: HouseholdWrite, at: Date) {
  return queryOne<{ id: string; version: number }>(
    orm,
    sql`UPDATE households SET household_no = ${h.householdNo}, village_code = ${h.villageCode}, address = ${h.address},
               household_type = ${h.householdType}, assistance_status = ${h.assistanceStatus}, relocated = ${h.relocated},
               phone = ${h.phone}, unsafe_housing = ${h.unsafeHousing}, unsafe_water = ${h.unsafeWater},
               school_dropout = ${h.schoolDropout}, uninsured_member = ${h.uninsuredMember},
               version = version + 1, updated_at = ${at}
        WHERE id = ${id} AND village_code LIKE ${scope + '%'} AND version = ${version}
        RETURNING id, version`,
  );
}

export async function recordAssistanceChange(orm: Executor, countyCode: string, householdId: string, status: string, from: string, source: string) {
  await orm.execute(sql`UPDATE household_assistance_history SET valid_to = ${from}::date
                        WHERE county_code = ${countyCode} AND household_id = ${householdId} AND valid_to IS NULL
                          AND valid_from < ${from}::date`);
  await orm.execute(sql`INSERT INTO household_assistance_history (county_code, household_id, status, valid_from, source)
                        VALUES (${countyCode}, ${householdId}, ${status}, ${from}::date, ${source})
                        ON CONFLICT (county_code, household_id, valid_from) DO UPDATE SET status = EXCLUDED.status, source = EXCLUDED.source`);
}

export function assistanceHistory(orm: Executor, countyCode: string, householdId: string) {
  return queryRows<{ status: string; valid_from: string; valid_to: string | null; source: string }>(
    orm,
    sql`SELECT status, valid_from, valid_to, source FROM household_assistance_history
        WHERE county_code = ${countyCode} AND household_id = ${householdId} ORDER BY valid_from`,
  );
}

/** Recomputes the materialised member count of households from the members table, in one statement. */
export async function refreshMemberCounts(orm: Executor, countyCode: string, householdIds: readonly string[] | null) {
  const only = householdIds ? sql`AND h.id = ANY(${sql.param(householdIds)}::uuid[])` : sql``;
  await orm.execute(sql`UPDATE households h SET member_count = coalesce(c.n, 0)
                        FROM households h2 LEFT JOIN (SELECT county_code, household_id, count(*)::int AS n FROM members
                                                      WHERE county_code = ${countyCode} GROUP BY 1, 2) c
                          ON c.county_code = h2.county_code AND c.household_id = h2.id
                        WHERE h.county_code = ${countyCode} AND h2.county_code = h.county_code AND h2.id = h.id ${only}
                          AND h.member_count IS DISTINCT FROM coalesce(c.n, 0)`);
}
