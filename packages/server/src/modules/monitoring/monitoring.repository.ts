import type { Executor, Tx } from '../../platform/db/database.ts';
import { queryOne, queryRows, sql } from '../../platform/db/sql.ts';

export interface LineRow {
  id: number;
  region_code: string;
  year: number;
  amount_fen: number;
  method: string;
  inputs: unknown;
  note: string | null;
  set_at: Date;
  superseded_at: Date | null;
}

/** Current lines of every region on the path from the province down to `scope`, and of everything below it. */
export function linesAround(orm: Executor, scope: string) {
  const ancestors = [2, 4, 6, 9, 12].filter((n) => n <= scope.length).map((n) => scope.slice(0, n));
  return queryRows<LineRow>(orm, sql`SELECT * FROM monitoring_lines WHERE superseded_at IS NULL
    AND (region_code IN (${sql.join(ancestors.map((a) => sql`${a}`), sql`, `)}) OR region_code LIKE ${scope + '%'})
    ORDER BY year, length(region_code), region_code`);
}

export function lineHistory(orm: Executor, regionCode: string) {
  return queryRows<LineRow>(orm, sql`SELECT * FROM monitoring_lines WHERE region_code = ${regionCode} ORDER BY year, id`);
}

export async function setLine(tx: Tx, l: { regionCode: string; year: number; amountFen: number; method: string; inputs: unknown; note: string | null; by: string | null; at: Date }) {
  await tx.orm.execute(sql`UPDATE monitoring_lines SET superseded_at = ${l.at}
                           WHERE region_code = ${l.regionCode} AND year = ${l.year} AND superseded_at IS NULL`);
  await tx.orm.execute(sql`INSERT INTO monitoring_lines (region_code, year, amount_fen, method, inputs, note, set_by, set_at)
    VALUES (${l.regionCode}, ${l.year}, ${l.amountFen}, ${l.method}, ${JSON.stringify(l.inputs ?? null)}::jsonb, ${l.note}, ${l.by}, ${l.at})`);
}

export interface FactsRow {
  county_code: string;
  id: string;
  village_code: string;
  household_type: 'poverty_exit' | 'ordinary' | 'exit_no_policy';
  monitoring_category: string | null;
  member_count: number;
  able: number;
  unsafe_housing: boolean;
  unsafe_water: boolean;
  school_dropout: boolean;
  uninsured_member: boolean;
  year: number | null;
  quarter: number | null;
  per_capita_net: number | null;
  household_size: number | null;
  net_income: number | null;
  wage: number | null;
  business: number | null;
  property: number | null;
  transfer: number | null;
  medical: number | null;
  prev_per_capita_net: number | null;
  prev_wage: number | null;
  prev_business: number | null;
  prev_property: number | null;
  prev_transfer: number | null;
}

/**
 * The facts every warning rule reads, for a page of households, in ONE query: the latest valid (not 待核实) income
 * record, the record of the same quarter a year earlier, and how many members can work.
 */
export function factsPage(orm: Executor, scope: string, after: { county: string; id: string } | null, limit: number) {
  const cursor = after ? sql`AND (h.county_code, h.id) > (${after.county}, ${after.id}::uuid)` : sql``;
  return queryRows<FactsRow>(orm, sql`
    SELECT h.county_code, h.id, h.village_code, h.household_type, h.monitoring_category, h.member_count,
      (SELECT count(*) FROM members m WHERE m.county_code = h.county_code AND m.household_id = h.id
         AND m.labour_capacity IN ('normal', 'skilled'))::int AS able,
      h.unsafe_housing, h.unsafe_water, h.school_dropout, h.uninsured_member,
      r.year, r.quarter, r.per_capita_net, r.household_size, r.net_income, r.wage_total AS wage,
      r.business_total - r.cost_total AS business, r.property_total AS property, r.transfer_total AS transfer,
      r.medical_out_of_pocket AS medical,
      p.per_capita_net AS prev_per_capita_net, p.wage_total AS prev_wage, p.business_total - p.cost_total AS prev_business,
      p.property_total AS prev_property, p.transfer_total AS prev_transfer
    FROM households h
    LEFT JOIN LATERAL (SELECT * FROM income_records r WHERE r.county_code = h.county_code AND r.household_id = h.id
                         AND r.superseded_at IS NULL AND r.status = 'valid'
                       ORDER BY r.year DESC, r.quarter DESC LIMIT 1) r ON true
    LEFT JOIN income_records p ON p.county_code = h.county_code AND p.household_id = h.id AND p.superseded_at IS NULL
      AND p.status = 'valid' AND p.year = r.year - 1 AND p.quarter = r.quarter
    WHERE h.village_code LIKE ${scope + '%'} ${cursor}
    ORDER BY h.county_code, h.id LIMIT ${limit}`);
}

export const FINDING_COLUMNS = ['county_code', 'household_id', 'village_code', 'rule_id', 'rule_version', 'title', 'explanation',
  'score', 'facts', 'period_year', 'period_quarter'] as const;

export async function createEvaluationTables(tx: Tx) {
  await tx.client.query(`CREATE TEMP TABLE eval_findings (county_code text COLLATE "C", household_id uuid, village_code text COLLATE "C",
    rule_id text, rule_version text, title text, explanation text, score smallint, facts jsonb, period_year smallint,
    period_quarter smallint) ON COMMIT DROP`);
  await tx.client.query(`CREATE TEMP TABLE eval_scores (county_code text COLLATE "C", household_id uuid, risk_score smallint) ON COMMIT DROP`);
}

/**
 * Applies one evaluation of the scope, set-based: close warnings whose condition cleared, refresh the ones still
 * true, open the new ones. Running it again with the same data changes nothing.
 */
export async function applyEvaluation(tx: Tx, scope: string, at: Date, dueDays: number) {
  await tx.client.query('CREATE INDEX ON eval_findings (county_code, household_id, rule_id)');
  await tx.client.query('ANALYZE eval_findings');
  const pattern = scope + '%';
  const closed = await tx.orm.execute(sql`UPDATE warnings w SET status = 'closed', closed_at = ${at}, updated_at = ${at},
      close_reason = '重新研判时该情形已消除'
    WHERE w.status = 'open' AND w.source = 'rules' AND w.village_code LIKE ${pattern}
      AND NOT EXISTS (SELECT 1 FROM eval_findings f WHERE f.county_code = w.county_code AND f.household_id = w.household_id
                      AND f.rule_id = w.rule_id)`);
  const updated = await tx.orm.execute(sql`UPDATE warnings w SET explanation = f.explanation, title = f.title, score = f.score,
      facts = f.facts, rule_version = f.rule_version, period_year = f.period_year, period_quarter = f.period_quarter, updated_at = ${at}
    FROM eval_findings f
    WHERE w.status = 'open' AND w.county_code = f.county_code AND w.household_id = f.household_id AND w.rule_id = f.rule_id
      AND (w.explanation, w.score, w.facts, w.rule_version) IS DISTINCT FROM (f.explanation, f.score, f.facts, f.rule_version)`);
  const opened = await tx.orm.execute(sql`INSERT INTO warnings (county_code, household_id, village_code, rule_id, rule_version, status,
      title, explanation, score, facts, period_year, period_quarter, opened_at, due_at, updated_at)
    SELECT f.county_code, f.household_id, f.village_code, f.rule_id, f.rule_version, 'open', f.title, f.explanation, f.score, f.facts,
      f.period_year, f.period_quarter, ${at}, ${new Date(at.getTime() + dueDays * 86_400_000)}, ${at}
    FROM eval_findings f
    -- The unique index on open warnings does the duplicate check. A NOT EXISTS here was planned as a scan of the
    -- growing table per finding when warnings had been analysed while empty (PGlite's loader vacuums): quadratic.
    ON CONFLICT (county_code, household_id, rule_id) WHERE status = 'open' DO NOTHING`);
  await tx.orm.execute(sql`UPDATE households h SET risk_score = s.risk_score, evaluated_at = ${at}
    FROM eval_scores s WHERE h.county_code = s.county_code AND h.id = s.household_id`);
  return { opened: opened.rowCount ?? 0, updated: updated.rowCount ?? 0, closed: closed.rowCount ?? 0 };
}

export interface WarningRow {
  county_code: string;
  id: string;
  household_id: string;
  household_no: string;
  head_name: string | null;
  village_code: string;
  village_name: string | null;
  rule_id: string;
  rule_version: string;
  source: string;
  status: 'open' | 'closed';
  title: string;
  explanation: string;
  score: number;
  facts: unknown;
  period_year: number | null;
  period_quarter: number | null;
  opened_at: Date;
  due_at: Date;
  closed_at: Date | null;
  close_reason: string | null;
  case_id: string | null;
  total: number;
}

export function listWarnings(orm: Executor, f: { region: string; status: 'open' | 'closed' | null; ruleId: string | null; householdId: string | null }, limit: number, offset: number) {
  return queryRows<WarningRow>(orm, sql`
    SELECT w.*, h.household_no,
      (SELECT m.name FROM members m WHERE m.county_code = h.county_code AND m.household_id = h.id AND m.relation = 'head' LIMIT 1) AS head_name,
      (SELECT r.name FROM regions r WHERE r.code = w.village_code AND r.valid_to IS NULL) AS village_name,
      count(*) OVER ()::int8 AS total
    FROM warnings w JOIN households h ON h.county_code = w.county_code AND h.id = w.household_id
    WHERE w.village_code LIKE ${f.region + '%'}
      AND (${f.status}::text IS NULL OR w.status = ${f.status})
      AND (${f.ruleId}::text IS NULL OR w.rule_id = ${f.ruleId})
      AND (${f.householdId}::uuid IS NULL OR w.household_id = ${f.householdId}::uuid)
    ORDER BY w.status, w.due_at, w.score DESC, w.id LIMIT ${limit} OFFSET ${offset}`);
}

export async function warningCounts(orm: Executor, scope: string) {
  return queryRows<{ rule_id: string; open: number; overdue: number }>(orm, sql`
    SELECT rule_id, count(*)::int8 AS open, count(*) FILTER (WHERE due_at < now())::int8 AS overdue
    FROM warnings WHERE status = 'open' AND village_code LIKE ${scope + '%'} GROUP BY rule_id ORDER BY rule_id`);
}

export async function countHouseholdsIn(orm: Executor, scope: string) {
  return (await queryOne<{ n: number }>(orm, sql`SELECT count(*)::int8 AS n FROM households WHERE village_code LIKE ${scope + '%'}`))?.n ?? 0;
}
