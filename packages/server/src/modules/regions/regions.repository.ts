import type { Executor, Tx } from '../../platform/db/database.ts';
import { queryOne, queryRows, sql } from '../../platform/db/sql.ts';

export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'village';

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  has_children: boolean;
}

/** Region codes are reference data; still, callers only ever ask below their own scope (checked in the service). */
export function findCurrentRegion(orm: Executor, code: string) {
  return queryOne<RegionRow>(
    orm,
    sql`SELECT r.code, r.name, r.level, r.parent_code,
               EXISTS (SELECT 1 FROM regions c WHERE c.parent_code = r.code AND c.valid_to IS NULL) AS has_children
        FROM regions r WHERE r.code = ${code} AND r.valid_to IS NULL`,
  );
}

export function findChildren(orm: Executor, parentCode: string) {
  return queryRows<RegionRow>(
    orm,
    sql`SELECT r.code, r.name, r.level, r.parent_code,
               EXISTS (SELECT 1 FROM regions c WHERE c.parent_code = r.code AND c.valid_to IS NULL) AS has_children
        FROM regions r WHERE r.parent_code = ${parentCode} AND r.valid_to IS NULL ORDER BY r.code`,
  );
}

/** Names of the code and all its ancestors, top down, in one query (the ancestors are prefixes of the code). */
export function findPath(orm: Executor, code: string) {
  const prefixes = [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));
  return queryRows<{ code: string; name: string; level: RegionLevel }>(
    orm,
    sql`SELECT code, name, level FROM regions
        WHERE valid_to IS NULL AND code IN (${sql.join(prefixes.map((p) => sql`${p}`), sql`, `)})
        ORDER BY length(code)`,
  );
}

export function countCurrentRegions(orm: Executor, prefix: string) {
  return queryRows<{ level: RegionLevel; n: number }>(
    orm,
    sql`SELECT level, count(*)::int8 AS n FROM regions WHERE valid_to IS NULL AND code LIKE ${prefix + '%'} GROUP BY level`,
  );
}

export async function ensureCodeVersion(tx: Tx, version: string, validFrom: string, source: string) {
  await tx.orm.execute(sql`INSERT INTO region_code_versions (version, valid_from, source)
                           VALUES (${version}, ${validFrom}, ${source}) ON CONFLICT (version) DO NOTHING`);
}

/**
 * Loads region rows through a staging table filled by COPY, then one INSERT … SELECT that skips codes already
 * current — so loading the same province twice changes nothing.
 */
export async function loadRegions(
  tx: Tx,
  version: string,
  validFrom: string,
  rows: Iterable<readonly [code: string, name: string, level: RegionLevel, parent: string | null]>,
): Promise<{ staged: number; inserted: number }> {
  await tx.client.query(`CREATE TEMP TABLE region_stage (code text COLLATE "C", name text, level text, parent_code text COLLATE "C")
                         ON COMMIT DROP`);
  const staged = await tx.copyRows('region_stage', ['code', 'name', 'level', 'parent_code'], rows);
  const result = await tx.orm.execute(sql`
    INSERT INTO regions (code, valid_from, version, name, level, parent_code)
    SELECT DISTINCT ON (s.code) s.code, ${validFrom}::date, ${version}, s.name, s.level, s.parent_code
    FROM region_stage s
    WHERE NOT EXISTS (SELECT 1 FROM regions r WHERE r.code = s.code AND r.valid_to IS NULL)
    ORDER BY s.code`);
  return { staged, inserted: result.rowCount ?? 0 };
}

/**
 * A township merge or a village moving: the old codes are closed (valid_to, successor) and stay in the table, so
 * records and reports that carry an old code still resolve to its name for the period it was valid.
 */
export async function retireRegions(tx: Tx, codes: readonly string[], successorCode: string, validTo: string) {
  const result = await tx.orm.execute(sql`
    UPDATE regions SET valid_to = ${validTo}::date, successor_code = ${successorCode}
    WHERE valid_to IS NULL AND code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`);
  return result.rowCount ?? 0;
}

export async function insertRegion(
  tx: Tx,
  r: { code: string; name: string; level: RegionLevel; parentCode: string | null; version: string; validFrom: string },
) {
  await tx.orm.execute(sql`INSERT INTO regions (code, valid_from, version, name, level, parent_code)
                           VALUES (${r.code}, ${r.validFrom}::date, ${r.version}, ${r.name}, ${r.level}, ${r.parentCode})`);
}

/** The region a code had on a date: the current row, or the retired one valid then. */
export function findRegionAt(orm: Executor, code: string, date: string) {
  return queryOne<{ code: string; name: string; valid_from: string; valid_to: string | null; successor_code: string | null }>(
    orm,
    sql`SELECT code, name, valid_from::text, valid_to::text, successor_code FROM regions
        WHERE code = ${code} AND valid_from <= ${date}::date AND (valid_to IS NULL OR valid_to > ${date}::date)`,
  );
}
