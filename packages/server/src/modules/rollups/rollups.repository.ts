import type { Executor } from '../../platform/db/database.ts';
import { arrayParam, queryRows, sql, type SQL } from '../../platform/db/sql.ts';

/**
 * Refreshing the rollups (migration 0009), set-based: one statement per rollup table recomputes every
 * stale village from the detail rows, then townships and counties are re-summed from their village rows (reading:
 * rollups-read.repository.ts).
 */

/** Cases still waiting for something; the two end states no longer count as active. */
const activeCase = (c: SQL) => sql`${c}.status NOT IN ('eliminated', 'closed_not_included')`;

export interface RefreshRules {
  lowIncomeThresholdFen: number;
  focusHouseholdTypes: readonly string[];
}

export type StoredLevel = 'county' | 'township' | 'village';

/** Counties with stale villages under `scope`, in lock order. */
export async function staleCounties(orm: Executor, scope: string): Promise<string[]> {
  const rows = await queryRows<{ county_code: string }>(orm, sql`SELECT DISTINCT county_code FROM rollup_stale_villages
    WHERE village_code LIKE ${scope + '%'} ORDER BY county_code`);
  return rows.map((r) => r.county_code);
}

/**
 * Serialises refreshes of one county: two refreshes of the same villages would otherwise both delete and re-insert,
 * and the one that read older detail rows could commit last. Taken in code order, so two refreshes never deadlock.
 */
export async function lockCounty(orm: Executor, county: string): Promise<void> {
  await orm.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'rollups:' + county}))`);
}

/**
 * Takes the marks of these counties' villages (under `scope`). Taken after the county locks and before reading the
 * detail rows: a writer committing later marks its village again, and the next refresh picks it up.
 */
export async function takeStaleVillages(orm: Executor, counties: readonly string[], scope: string): Promise<{ village: string; income: boolean }[]> {
  const rows = await queryRows<{ village_code: string; income: boolean }>(orm, sql`DELETE FROM rollup_stale_villages
    WHERE county_code = ANY(${arrayParam(counties)}::text[]) AND village_code LIKE ${scope + '%'} RETURNING village_code, income`);
  return rows.map((r) => ({ village: r.village_code, income: r.income }));
}

/** The households of the villages being refreshed, by their current village (a join, not `= ANY`, for a city's thousands). */
const householdsOf = (villages: SQL) => sql`SELECT h.county_code, h.id, h.village_code, h.household_type, h.monitoring_category,
    h.member_count FROM unnest(${villages}) AS v(code) JOIN households h ON h.village_code = v.code`;

/**
 * Focus-ledger facts per household of a CTE `hh`, mirroring focus.repository.ts (the ledger the focus pages list): the latest
 * valid current record and the same quarter a year earlier, annualised per capita; a household is on a group's
 * ledger when it is in the group now (covered household type) or has a plan made for that group.
 */
export function focusFactsOf(rules: RefreshRules): SQL {
  const types = sql`${arrayParam(rules.focusHouseholdTypes)}::text[]`;
  return sql`SELECT hh.village_code, hh.id, hh.member_count, fp.status AS plan_status,
      ((hh.household_type = ANY(${types}) AND li.pc < ${rules.lowIncomeThresholdFen}) IS TRUE
        OR 'low_income' = ANY(coalesce(fp.ledger_groups, '{}'))) AS in_low,
      ((hh.household_type = ANY(${types}) AND li.pc < pv.prev_pc) IS TRUE
        OR 'income_fell' = ANY(coalesce(fp.ledger_groups, '{}'))) AS in_fell
    FROM hh LEFT JOIN focus_plans fp ON fp.county_code = hh.county_code AND fp.household_id = hh.id
    LEFT JOIN LATERAL (
      SELECT r.year, r.quarter, round(r.per_capita_net * 4.0 / r.quarter)::int8 AS pc
      FROM income_records r
      WHERE r.county_code = hh.county_code AND r.household_id = hh.id AND r.superseded_at IS NULL AND r.status = 'valid'
      ORDER BY r.year DESC, r.quarter DESC LIMIT 1) li ON true
    LEFT JOIN LATERAL (
      SELECT round(p.per_capita_net * 4.0 / p.quarter)::int8 AS prev_pc
      FROM income_records p
      WHERE p.county_code = hh.county_code AND p.household_id = hh.id AND p.superseded_at IS NULL AND p.status = 'valid'
        AND p.year = li.year - 1 AND p.quarter = li.quarter
      LIMIT 1) pv ON true
    WHERE hh.household_type = ANY(${types}) OR fp.id IS NOT NULL`;
}

/** Recomputes the counts and deadline rows of `villages` from the detail rows. */
export async function recomputeVillageCounts(orm: Executor, villages: readonly string[], rules: RefreshRules, at: Date): Promise<void> {
  const v = sql`${arrayParam(villages)}::text[]`;
  for (const table of ['rollup_counts', 'rollup_due']) {
    await orm.execute(sql`DELETE FROM ${sql.raw(table)} WHERE level = 'village' AND region_code = ANY(${v})`);
  }

  // One row per household and metric, so a household with two open warnings counts once in `households` and its
  // members once in `people`, while `items` counts both warnings. Only warnings and cases can repeat per household
  // (a household has at most one active case, so its risk types do not); they are grouped by household first.
  await orm.execute(sql`
    WITH hh AS (${householdsOf(v)}),
    cs AS (SELECT hh.village_code, hh.id, hh.member_count, hh.monitoring_category, c.status, c.state
      FROM hh JOIN cases c ON c.county_code = hh.county_code AND c.household_id = hh.id),
    focus AS (${focusFactsOf(rules)}),
    facts AS (
      SELECT hh.village_code, hh.member_count, m.metric, 1 AS items
      FROM hh CROSS JOIN LATERAL (VALUES ('all'), ('type:' || hh.household_type), ('category:' || hh.monitoring_category),
        (CASE WHEN hh.monitoring_category IS NOT NULL THEN 'monitored' END)) m(metric)
      WHERE m.metric IS NOT NULL
      UNION ALL
      SELECT cs.village_code, cs.member_count, 'risk:' || rt.risk, 1
      FROM cs CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(cs.state -> 'riskTypes', '[]'::jsonb)) rt(risk)
      WHERE cs.monitoring_category IS NOT NULL AND ${activeCase(sql`cs`)}
      UNION ALL
      SELECT cs.village_code, cs.member_count, m.metric, count(*)
      FROM cs CROSS JOIN LATERAL (VALUES ('case:' || cs.status),
        (CASE WHEN ${activeCase(sql`cs`)} THEN 'cases_active' END)) m(metric)
      WHERE m.metric IS NOT NULL
      GROUP BY cs.village_code, cs.id, cs.member_count, m.metric
      UNION ALL
      SELECT hh.village_code, hh.member_count,
        CASE WHEN w.status = 'open' THEN 'warnings_open'
             ELSE 'warnings_closed:' || extract(year FROM w.closed_at AT TIME ZONE 'Asia/Shanghai')::int END AS metric,
        count(*)
      FROM hh JOIN warnings w ON w.county_code = hh.county_code AND w.household_id = hh.id
      WHERE w.status = 'open' OR w.closed_at IS NOT NULL
      GROUP BY hh.village_code, hh.id, hh.member_count, 3
      UNION ALL
      SELECT f.village_code, f.member_count, m.metric, 1
      FROM focus f CROSS JOIN LATERAL (VALUES
        (CASE WHEN f.in_low THEN 'focus:low_income' END),
        (CASE WHEN f.in_fell THEN 'focus:income_fell' END),
        (CASE WHEN f.in_low THEN ${planMetric(sql`f.plan_status`)} || ':low_income' END),
        (CASE WHEN f.in_fell THEN ${planMetric(sql`f.plan_status`)} || ':income_fell' END),
        (CASE WHEN f.in_low OR f.in_fell THEN ${planMetric(sql`f.plan_status`)} END)) m(metric)
      WHERE m.metric IS NOT NULL
    )
    INSERT INTO rollup_counts (level, region_code, metric, households, people, items, refreshed_at)
    SELECT 'village', village_code, metric, count(*), sum(member_count), sum(items), ${at}
    FROM facts GROUP BY village_code, metric`);


  await orm.execute(sql`
    WITH hh AS (${householdsOf(v)})
    INSERT INTO rollup_due (level, region_code, kind, due_date, n, refreshed_at)
    SELECT 'village', village_code, kind, due_date, count(*), ${at} FROM (
      SELECT hh.village_code, 'case' AS kind, c.due_date
      FROM hh JOIN cases c ON c.county_code = hh.county_code AND c.household_id = hh.id
      WHERE c.due_date IS NOT NULL AND ${activeCase(sql`c`)}
      UNION ALL
      SELECT hh.village_code, 'warning', (w.due_at AT TIME ZONE 'Asia/Shanghai')::date
      FROM hh JOIN warnings w ON w.county_code = hh.county_code AND w.household_id = hh.id
      WHERE w.status = 'open') d
    GROUP BY village_code, kind, due_date`);
}

/** Recomputes the income rows of `villages` from the valid current income records. */
export async function recomputeVillageIncome(orm: Executor, villages: readonly string[], rules: RefreshRules, at: Date): Promise<void> {
  if (villages.length === 0) return;
  const v = sql`${arrayParam(villages)}::text[]`;
  await orm.execute(sql`DELETE FROM rollup_income WHERE level = 'village' AND region_code = ANY(${v})`);
  // Income: a household's record of (year, quarter) against its record of the same quarter a year earlier; the
  // annualised per-capita figures are core focusIncomeOf's (and the focus ledgers'), so "fell" means the same here.
  await orm.execute(sql`
    WITH hh AS (${householdsOf(v)}),
    cur AS (
      SELECT hh.village_code, hh.id AS hh_id, r.year, r.quarter, r.household_size, r.net_income,
        r.wage_total, r.business_total - r.cost_total AS business_net, r.property_total, r.transfer_total,
        round(r.per_capita_net * 4.0 / r.quarter)::int8 AS pc,
        round(round((r.business_total - r.cost_total)::numeric / r.household_size) * 4.0 / r.quarter)::int8 AS business_pc
      FROM hh JOIN income_records r ON r.county_code = hh.county_code AND r.household_id = hh.id
      WHERE r.superseded_at IS NULL AND r.status = 'valid'),
    -- The same quarter a year earlier by a window over each household's quarter, not a self-join of every record.
    compared AS (
      SELECT c.*, lag(c.year) OVER w = c.year - 1 AS comparable, lag(c.pc) OVER w AS prev_pc, lag(c.business_pc) OVER w AS prev_business_pc
      FROM cur c
      WINDOW w AS (PARTITION BY c.hh_id, c.quarter ORDER BY c.year))
    INSERT INTO rollup_income (level, region_code, year, quarter, reported_households, reported_people, net_fen, wage_fen,
      business_fen, property_fen, transfer_fen, comparable_households, income_fell_households, business_fell_households,
      low_income_households, refreshed_at)
    SELECT 'village', c.village_code, c.year, c.quarter, count(*), sum(c.household_size), sum(c.net_income), sum(c.wage_total),
      sum(c.business_net), sum(c.property_total), sum(c.transfer_total), count(*) FILTER (WHERE c.comparable),
      count(*) FILTER (WHERE c.comparable AND c.pc < c.prev_pc), count(*) FILTER (WHERE c.comparable AND c.business_pc < c.prev_business_pc),
      count(*) FILTER (WHERE c.pc < ${rules.lowIncomeThresholdFen}), ${at}
    FROM compared c
    GROUP BY c.village_code, c.year, c.quarter`);
}

/** 'plans_open' (open or reopened), 'plans_closed_out' or 'without_plan' for a plan status. */
function planMetric(status: SQL): SQL {
  return sql`(CASE ${status} WHEN 'closed_out' THEN 'plans_closed_out' WHEN 'open' THEN 'plans_open'
    WHEN 'reopened' THEN 'plans_open' ELSE 'without_plan' END)`;
}

export const TABLE_KEYS = {
  rollup_counts: { keys: ['metric'], sums: ['households', 'people', 'items'] },
  rollup_income: {
    keys: ['year', 'quarter'],
    sums: ['reported_households', 'reported_people', 'net_fen', 'wage_fen', 'business_fen', 'property_fen', 'transfer_fen',
      'comparable_households', 'income_fell_households', 'business_fell_households', 'low_income_households'],
  },
  rollup_due: { keys: ['kind', 'due_date'], sums: ['n'] },
} as const;
export type RollupTable = keyof typeof TABLE_KEYS;

/**
 * `level` rows of `parents` (township or county codes) re-summed from their `from` rows. The range on region_code
 * (a C-collated prefix: '9' < ':') keeps it an index read of each parent's children.
 */
export async function resumParents(
  orm: Executor, tables: readonly RollupTable[], level: StoredLevel, from: StoredLevel, parents: readonly string[], at: Date,
): Promise<void> {
  if (parents.length === 0) return;
  const len = level === 'county' ? 6 : 9;
  const p = sql`${arrayParam(parents)}::text[]`;
  for (const table of tables) {
    const { keys, sums } = TABLE_KEYS[table];
    const keyList = sql.raw(keys.join(', '));
    const keyListR = sql.raw(keys.map((k) => `r.${k}`).join(', '));
    const sumList = sql.raw(sums.map((s) => `sum(r.${s})`).join(', '));
    await orm.execute(sql`DELETE FROM ${sql.raw(table)} WHERE level = ${level} AND region_code = ANY(${p})`);
    await orm.execute(sql`INSERT INTO ${sql.raw(table)} (level, region_code, ${keyList}, ${sql.raw(sums.join(', '))}, refreshed_at)
      SELECT ${level}, left(r.region_code, ${sql.raw(String(len))}), ${keyListR}, ${sumList}, ${at}
      FROM unnest(${p}) AS parent(code)
      JOIN ${sql.raw(table)} r ON r.level = ${from} AND r.region_code >= parent.code AND r.region_code < parent.code || ':'
      GROUP BY left(r.region_code, ${sql.raw(String(len))}), ${keyListR}`);
  }
}

export async function analyzeRollups(orm: Executor): Promise<void> {
  await orm.execute(sql`ANALYZE rollup_counts, rollup_income, rollup_due`);
}

export async function hasStaleVillages(orm: Executor, scope: string): Promise<boolean> {
  const rows = await queryRows<{ stale: boolean }>(orm, sql`SELECT EXISTS (SELECT 1 FROM rollup_stale_villages
    WHERE village_code LIKE ${scope + '%'}) AS stale`);
  return rows[0]?.stale ?? false;
}
