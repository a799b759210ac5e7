import type { Executor } from '../../platform/db/database.ts';
import { arrayParam, queryRows, sql, type SQL } from '../../platform/db/sql.ts';
import { TABLE_KEYS, type StoredLevel } from './rollups.repository.ts';

/**
 * Reading the rollups (migration 0009): a region's figures are a sum over its stored rows — its own row (county,
 * township, village) or its counties' rows (city, province) — so a read costs the same however many households are
 * behind it. Children are the same rows grouped by the next level's code.
 */

/**
 * Which stored rows make up `region`, grouped by `groupLen` digits (children) or not at all (the region itself).
 * County, township and village read their own level; a city or province reads its counties.
 */
function rowsOf(region: string, childLen: number | null): { level: StoredLevel; range: SQL; group: SQL } {
  const len = childLen ?? region.length;
  const level: StoredLevel = len <= 6 ? 'county' : len === 9 ? 'township' : 'village';
  return {
    level,
    range: sql`r.level = ${level} AND r.region_code >= ${region} AND r.region_code < ${region + ':'}`,
    group: sql`left(r.region_code, ${sql.raw(String(len))})`,
  };
}

export interface CountRow {
  code: string;
  metric: string;
  households: number;
  people: number;
  items: number;
  refreshed_at: Date | null;
}

/** Counts of `region` (childLen null) or of each child (codes of childLen digits), only the named metrics if given. */
export function readCounts(orm: Executor, region: string, childLen: number | null, metrics?: readonly string[]) {
  const { range, group } = rowsOf(region, childLen);
  return queryRows<CountRow>(orm, sql`SELECT ${group} AS code, r.metric, sum(r.households)::int8 AS households,
      sum(r.people)::int8 AS people, sum(r.items)::int8 AS items, min(r.refreshed_at) AS refreshed_at
    FROM rollup_counts r WHERE ${range} ${metrics ? sql`AND r.metric = ANY(${arrayParam(metrics)}::text[])` : sql``}
    GROUP BY 1, 2`);
}

export interface IncomeRow {
  code: string;
  year: number;
  quarter: number;
  reported_households: number;
  reported_people: number;
  net_fen: number;
  wage_fen: number;
  business_fen: number;
  property_fen: number;
  transfer_fen: number;
  comparable_households: number;
  income_fell_households: number;
  business_fell_households: number;
  low_income_households: number;
  refreshed_at: Date | null;
}

/** Income sums per (code, year, quarter) for the given periods. */
export function readIncome(orm: Executor, region: string, childLen: number | null, periods: readonly { year: number; quarter: number }[]) {
  const { range, group } = rowsOf(region, childLen);
  const keys = periods.map((p) => p.year * 10 + p.quarter);
  const sums = TABLE_KEYS.rollup_income.sums.map((s) => `sum(r.${s})::int8 AS ${s}`).join(', ');
  return queryRows<IncomeRow>(orm, sql`SELECT ${group} AS code, r.year, r.quarter, ${sql.raw(sums)}, min(r.refreshed_at) AS refreshed_at
    FROM rollup_income r WHERE ${range} AND (r.year * 10 + r.quarter) = ANY(${arrayParam(keys)}::int[])
    GROUP BY 1, 2, 3`);
}

/** Per code and kind, how many deadlines are past (before `today`) and how many fall due by `soonUntil`. */
export function readDue(orm: Executor, region: string, childLen: number | null, today: string, soonUntil: string) {
  const { range, group } = rowsOf(region, childLen);
  return queryRows<{ code: string; kind: 'case' | 'warning'; overdue: number; due_soon: number }>(orm, sql`
    SELECT ${group} AS code, r.kind, coalesce(sum(r.n) FILTER (WHERE r.due_date < ${today}::date), 0)::int8 AS overdue,
      coalesce(sum(r.n) FILTER (WHERE r.due_date >= ${today}::date), 0)::int8 AS due_soon
    FROM rollup_due r WHERE ${range} AND r.due_date <= ${soonUntil}::date
    GROUP BY 1, 2`);
}

/** Current names and levels of these codes and of the children of `parent` (next level down). */
export function regionsAround(orm: Executor, codes: readonly string[], parent: string) {
  return queryRows<{ code: string; name: string; level: string; parent_code: string | null }>(orm, sql`SELECT code, name, level, parent_code
    FROM regions WHERE valid_to IS NULL AND (code = ANY(${arrayParam(codes)}::text[]) OR parent_code = ${parent}) ORDER BY code`);
}
