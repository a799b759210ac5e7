import { growthRateOf, type DashboardTarget, type IncomeTargetValues, type RegionLevel } from '@zengshou/core';
import type { Database, Executor, Tx } from '../../platform/db/database.ts';
import { arrayParam, queryOne, queryRows, sql } from '../../platform/db/sql.ts';

/**
 * All SQL of the income targets. A region's target for a year is its own current row or, failing that, the nearest
 * ancestor's: region codes are prefixes, so the ancestors of `c` are left(c, 2/4/6/9). Base rows (a base year's
 * actual figures) are never a target.
 */

export interface TargetRow {
  id: number;
  region_code: string;
  region_name: string | null;
  year: number;
  version: number;
  is_base: boolean;
  per_capita_fen: number;
  wage_fen: number | null;
  business_fen: number | null;
  property_fen: number | null;
  transfer_fen: number | null;
  growth_rate: number | null;
  source: string | null;
  note: string | null;
  set_by_name: string;
  set_at: Date;
  /** The same region's current row of the year before (target or base), for the derived growth rate. */
  prev_per_capita_fen: number | null;
}

const executor = (db: Database | Tx | Executor): Executor => ('orm' in db ? db.orm : db);

const previousYear = sql`(SELECT p.per_capita_fen FROM income_targets p
  WHERE p.region_code = t.region_code AND p.year = t.year - 1 AND p.superseded_at IS NULL) AS prev_per_capita_fen`;

const regionName = sql`(SELECT r.name FROM regions r WHERE r.code = t.region_code AND r.valid_to IS NULL) AS region_name`;

interface ApplicableRow {
  wanted: string;
  region_code: string;
  region_name: string | null;
  region_level: RegionLevel | null;
  year: number;
  per_capita_fen: number;
  wage_fen: number | null;
  business_fen: number | null;
  property_fen: number | null;
  transfer_fen: number | null;
  growth_rate: number | null;
  prev_per_capita_fen: number | null;
}

const LEVELS: Record<number, RegionLevel> = { 2: 'province', 4: 'city', 6: 'county', 9: 'township', 12: 'village' };

/**
 * For each code, the target that applies in `year`: its own current one, or the nearest ancestor's
 * (`inheritedFrom` names that ancestor). Codes with no target anywhere up the tree are absent from the map. The
 * growth rate is the stated one, else derived from the previous year's row of the region the target belongs to.
 */
export async function applicableTargets(
  db: Database | Tx,
  regionCodes: string[],
  year: number,
): Promise<Map<string, DashboardTarget>> {
  const result = new Map<string, DashboardTarget>();
  if (regionCodes.length === 0) return result;
  const rows = await queryRows<ApplicableRow>(executor(db), sql`
    SELECT w.code AS wanted, t.region_code, t.year, t.per_capita_fen, t.wage_fen, t.business_fen, t.property_fen,
      t.transfer_fen, t.growth_rate, t.prev_per_capita_fen, r.name AS region_name, r.level AS region_level
    FROM unnest(${arrayParam(regionCodes)}::text[]) AS w(code)
    JOIN LATERAL (
      SELECT t.*, ${previousYear}
      FROM income_targets t
      WHERE t.superseded_at IS NULL AND t.year = ${year} AND NOT t.is_base
        AND t.region_code = ANY(ARRAY[left(w.code, 2), left(w.code, 4), left(w.code, 6), left(w.code, 9), w.code])
      ORDER BY length(t.region_code) DESC
      LIMIT 1) t ON true
    LEFT JOIN regions r ON r.code = t.region_code AND r.valid_to IS NULL`);
  for (const row of rows) {
    const own = row.region_code === row.wanted;
    result.set(row.wanted, {
      regionCode: row.wanted,
      inheritedFrom: own
        ? null
        : {
            code: row.region_code,
            name: row.region_name ?? row.region_code,
            level: row.region_level ?? LEVELS[row.region_code.length]!,
          },
      year: row.year,
      perCapitaNetFen: row.per_capita_fen,
      partsFen: partsOf(row),
      growthRate: row.growth_rate ?? growthRateOf(row.per_capita_fen, row.prev_per_capita_fen),
    });
  }
  return result;
}

function partsOf(row: Pick<TargetRow, 'wage_fen' | 'business_fen' | 'property_fen' | 'transfer_fen'>): DashboardTarget['partsFen'] {
  const parts: DashboardTarget['partsFen'] = {};
  if (row.wage_fen !== null) parts.wage = row.wage_fen;
  if (row.business_fen !== null) parts.business = row.business_fen;
  if (row.property_fen !== null) parts.property = row.property_fen;
  if (row.transfer_fen !== null) parts.transfer = row.transfer_fen;
  return parts;
}

export interface TargetFilter {
  /** Region whose subtree is listed (already checked against the caller's scope). */
  region: string;
  years: readonly number[] | null;
}

/** Current rows of the region's subtree, and of its ancestors for the same years (what the region inherits). */
export function listTargets(orm: Executor, f: TargetFilter) {
  const ancestors = [2, 4, 6, 9].filter((n) => n < f.region.length).map((n) => f.region.slice(0, n));
  const inAncestors = ancestors.length > 0 ? sql`OR t.region_code = ANY(${arrayParam(ancestors)}::text[])` : sql``;
  const years = f.years ? sql`AND t.year = ANY(${arrayParam(f.years)}::int[])` : sql``;
  return queryRows<TargetRow>(orm, sql`
    SELECT t.*, ${regionName}, ${previousYear}
    FROM income_targets t
    WHERE t.superseded_at IS NULL AND (t.region_code LIKE ${f.region + '%'} ${inAncestors}) ${years}
    ORDER BY length(t.region_code), t.region_code, t.year
    LIMIT 5000`);
}

/** Every version of one region's target for a year, newest first. */
export function targetHistory(orm: Executor, regionCode: string, year: number) {
  return queryRows<TargetRow>(orm, sql`
    SELECT t.*, ${regionName}, NULL::int8 AS prev_per_capita_fen
    FROM income_targets t WHERE t.region_code = ${regionCode} AND t.year = ${year}
    ORDER BY t.version DESC`);
}

/** The current row, locked until the transaction ends so two saves of the same target cannot both win. */
export function lockCurrentTarget(tx: Tx, regionCode: string, year: number) {
  return queryOne<TargetRow>(tx.orm, sql`
    SELECT t.*, ${regionName}, ${previousYear}
    FROM income_targets t WHERE t.region_code = ${regionCode} AND t.year = ${year} AND t.superseded_at IS NULL
    FOR UPDATE OF t`);
}

export function currentTarget(orm: Executor, regionCode: string, year: number) {
  return queryOne<TargetRow>(orm, sql`
    SELECT t.*, ${regionName}, ${previousYear}
    FROM income_targets t WHERE t.region_code = ${regionCode} AND t.year = ${year} AND t.superseded_at IS NULL`);
}

/** Current rows for many (region, year) pairs at once, for an import's comparison. */
export function currentTargetsFor(orm: Executor, keys: readonly { regionCode: string; year: number }[]) {
  if (keys.length === 0) return Promise.resolve([] as TargetRow[]);
  return queryRows<TargetRow>(orm, sql`
    SELECT t.*, NULL::text AS region_name, NULL::int8 AS prev_per_capita_fen
    FROM income_targets t
    JOIN unnest(${arrayParam(keys.map((k) => k.regionCode))}::text[], ${arrayParam(keys.map((k) => k.year))}::int[]) AS k(code, year)
      ON t.region_code = k.code AND t.year = k.year
    WHERE t.superseded_at IS NULL`);
}

/** Which of these codes are current regions. */
export async function existingRegions(orm: Executor, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await queryRows<{ code: string; name: string }>(orm, sql`
    SELECT code, name FROM regions WHERE valid_to IS NULL AND code = ANY(${arrayParam(codes)}::text[])`);
  return new Map(rows.map((r) => [r.code, r.name]));
}

export interface Setter {
  userId: string | null;
  name: string;
  at: Date;
}

/** Supersedes the current row (if any) and stores the new version; returns the new row's id. */
export async function saveTargetVersion(tx: Tx, t: IncomeTargetValues, version: number, by: Setter): Promise<number> {
  await tx.orm.execute(sql`UPDATE income_targets SET superseded_at = ${by.at}
    WHERE region_code = ${t.regionCode} AND year = ${t.year} AND superseded_at IS NULL`);
  const row = await queryOne<{ id: number }>(tx.orm, sql`
    INSERT INTO income_targets (region_code, year, version, is_base, per_capita_fen, wage_fen, business_fen, property_fen,
      transfer_fen, growth_rate, source, note, set_by, set_by_name, set_at)
    VALUES (${t.regionCode}, ${t.year}, ${version}, ${t.base}, ${t.perCapitaNetFen}, ${t.partsFen.wage}, ${t.partsFen.business},
      ${t.partsFen.property}, ${t.partsFen.transfer}, ${t.growthRate}, ${t.source}, ${t.note}, ${by.userId}, ${by.name}, ${by.at})
    RETURNING id`);
  return row!.id;
}
