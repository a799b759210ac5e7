import type { DrillMetric, FocusGroup } from '@zengshou/core';
import type { Executor } from '../../platform/db/database.ts';
import { queryOne, queryRows, sql, type SQL } from '../../platform/db/sql.ts';
import { focusFactsOf, type RefreshRules } from '../rollups/rollups.repository.ts';

/**
 * The households behind a dashboard figure, read from the detail rows with the same definitions the rollups are
 * computed with (rollups.repository.ts), so a list's total equals the number it was opened from. Households are
 * taken by their current village under `region`, which the service has already checked against the caller's scope.
 */

export interface DrillQuery {
  region: string;
  metric: DrillMetric;
  /** Narrows plans_open / plans_closed_out / without_plan to one focus ledger; both ledgers when absent. */
  group: FocusGroup | null;
  year: number;
  quarter: number;
  today: string;
  soonUntil: string;
}

const ACTIVE = sql`c.status NOT IN ('eliminated', 'closed_not_included')`;
const caseWhere = (cond: SQL) =>
  sql`EXISTS (SELECT 1 FROM cases c WHERE c.county_code = hh.county_code AND c.household_id = hh.id AND ${cond})`;

/** Annualised per-capita net and business-net of income record alias `t` (core focusIncomeOf). */
const pc = (t: string) => sql.raw(`round(${t}.per_capita_net * 4.0 / ${t}.quarter)`);
const businessPc = (t: string) =>
  sql.raw(`round(round((${t}.business_total - ${t}.cost_total)::numeric / ${t}.household_size) * 4.0 / ${t}.quarter)`);

/** A valid current record of the period (`cur`), optionally with its same quarter a year earlier (`prev`), meeting `cond`. */
function incomeWhere(q: DrillQuery, cond: SQL, withPrevious: boolean): SQL {
  const prev = withPrevious
    ? sql`JOIN income_records prev ON prev.county_code = cur.county_code AND prev.household_id = cur.household_id
        AND prev.superseded_at IS NULL AND prev.status = 'valid' AND prev.year = cur.year - 1 AND prev.quarter = cur.quarter`
    : sql``;
  return sql`EXISTS (SELECT 1 FROM income_records cur ${prev}
    WHERE cur.county_code = hh.county_code AND cur.household_id = hh.id AND cur.superseded_at IS NULL AND cur.status = 'valid'
      AND cur.year = ${q.year} AND cur.quarter = ${q.quarter} AND ${cond})`;
}

/** Condition on `hh` for a household metric; null for the focus metrics, which filter the focus facts instead. */
function householdCondition(q: DrillQuery, rules: RefreshRules): SQL | null {
  const m = q.metric;
  const [kind, value] = m.includes(':') ? (m.split(':') as [string, string]) : [m, ''];
  switch (kind) {
    case 'all': return sql`true`;
    case 'monitored': return sql`hh.monitoring_category IS NOT NULL`;
    case 'type': return sql`hh.household_type = ${value}`;
    case 'category': return sql`hh.monitoring_category = ${value}`;
    case 'risk': return sql`hh.monitoring_category IS NOT NULL AND ${caseWhere(sql`${ACTIVE} AND coalesce(c.state -> 'riskTypes', '[]'::jsonb) ? ${value}`)}`;
    case 'case': return caseWhere(sql`c.status = ${value}`);
    case 'cases_active': return caseWhere(ACTIVE);
    case 'cases_due_soon': return caseWhere(sql`${ACTIVE} AND c.due_date >= ${q.today}::date AND c.due_date <= ${q.soonUntil}::date`);
    case 'cases_overdue': return caseWhere(sql`${ACTIVE} AND c.due_date < ${q.today}::date`);
    case 'warnings_open': return sql`EXISTS (SELECT 1 FROM warnings w WHERE w.county_code = hh.county_code AND w.household_id = hh.id AND w.status = 'open')`;
    case 'reported': return incomeWhere(q, sql`true`, false);
    case 'low_income': return incomeWhere(q, sql`${pc('cur')} < ${rules.lowIncomeThresholdFen}`, false);
    case 'income_fell': return incomeWhere(q, sql`${pc('cur')} < ${pc('prev')}`, true);
    case 'business_fell': return incomeWhere(q, sql`${businessPc('cur')} < ${businessPc('prev')}`, true);
    default: return null;
  }
}

/** Condition on the focus facts `f` (in_low, in_fell, plan_status) for the focus metrics. */
function focusCondition(q: DrillQuery): SQL {
  const m = q.metric;
  if (m === 'focus:low_income') return sql`f.in_low`;
  if (m === 'focus:income_fell') return sql`f.in_fell`;
  const onLedger = q.group === 'low_income' ? sql`f.in_low` : q.group === 'income_fell' ? sql`f.in_fell` : sql`(f.in_low OR f.in_fell)`;
  const status = m === 'plans_open' ? sql`f.plan_status IN ('open', 'reopened')`
    : m === 'plans_closed_out' ? sql`f.plan_status = 'closed_out'`
      : sql`f.plan_status IS NULL`;
  return sql`${onLedger} AND ${status}`;
}

/** Ids of the households behind the figure, as a CTE body `sel (county_code, id)`. */
function selected(q: DrillQuery, rules: RefreshRules): SQL {
  const hh = sql`hh AS (SELECT h.county_code, h.id, h.village_code, h.household_type, h.monitoring_category, h.member_count
    FROM households h WHERE h.village_code LIKE ${q.region + '%'})`;
  const cond = householdCondition(q, rules);
  if (cond) return sql`${hh}, sel AS (SELECT hh.county_code, hh.id FROM hh WHERE ${cond})`;
  return sql`${hh}, f AS (${focusFactsOf(rules)}),
    sel AS (SELECT hh.county_code, hh.id FROM f JOIN hh ON hh.id = f.id WHERE ${focusCondition(q)})`;
}

export interface DrillRow {
  id: string;
  household_no: string;
  head_name: string | null;
  village_code: string;
  village_name: string | null;
  household_type: string;
  monitoring_category: string | null;
  member_count: number;
  latest_per_capita_annual: number | null;
}

export async function drillCount(orm: Executor, q: DrillQuery, rules: RefreshRules): Promise<number> {
  const row = await queryOne<{ n: number }>(orm, sql`WITH ${selected(q, rules)} SELECT count(*)::int8 AS n FROM sel`);
  return row?.n ?? 0;
}

export function drillPage(orm: Executor, q: DrillQuery, rules: RefreshRules, limit: number, offset: number) {
  return queryRows<DrillRow>(orm, sql`WITH ${selected(q, rules)}
    SELECT h.id, h.household_no, h.village_code, h.household_type, h.monitoring_category, h.member_count, h.latest_per_capita_annual,
      (SELECT m.name FROM members m WHERE m.county_code = h.county_code AND m.household_id = h.id AND m.relation = 'head' LIMIT 1) AS head_name,
      (SELECT r.name FROM regions r WHERE r.code = h.village_code AND r.valid_to IS NULL) AS village_name
    FROM sel JOIN households h ON h.county_code = sel.county_code AND h.id = sel.id
    ORDER BY h.village_code, h.household_no LIMIT ${limit} OFFSET ${offset}`);
}
