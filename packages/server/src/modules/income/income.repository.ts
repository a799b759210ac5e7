import { INCOME_ITEMS, type IncomeItems, type IncomeSummary } from '@zengshou/core';
import { randomUUID } from 'node:crypto';
import type { IncomeEvaluation } from './income-evaluation.ts';
import type { CopyValue, Executor } from '../../platform/db/database.ts';
import { queryOne, queryRows, sql, type SQL } from '../../platform/db/sql.ts';

export interface IncomeRecordRow extends Record<string, unknown> {
  id: string;
  household_id: string;
  year: number;
  quarter: number;
  wage_total: number;
  business_total: number;
  property_total: number;
  transfer_total: number;
  cost_total: number;
  net_income: number;
  household_size: number;
  per_capita_net: number;
  status: 'valid' | 'to_verify';
  check_results: unknown;
  remark: string | null;
  source: string;
  recorded_at: Date;
  superseded_at: Date | null;
}

const itemColumns = INCOME_ITEMS.map((i) => i.column);

/** Column order of bulk-loaded income records (import merge, synthetic population); see incomeRecordCopyRow. */
export const INCOME_RECORD_COPY_COLUMNS = [
  'county_code', 'id', 'household_id', 'village_code', 'year', 'quarter', ...itemColumns,
  'wage_total', 'business_total', 'property_total', 'transfer_total', 'cost_total', 'net_income', 'household_size',
  'per_capita_net', 'status', 'check_results', 'remark', 'source', 'recorded_by', 'recorded_at',
] as const;

/** One evaluated record as a COPY row in INCOME_RECORD_COPY_COLUMNS order. */
export function incomeRecordCopyRow(
  r: { countyCode: string; householdId: string; villageCode: string; year: number; quarter: number; items: IncomeItems; remark: string | null },
  e: IncomeEvaluation,
  meta: { source: string; recordedBy: string | null; at: Date },
): CopyValue[] {
  const s = e.summary;
  return [
    r.countyCode, randomUUID(), r.householdId, r.villageCode, r.year, r.quarter, ...INCOME_ITEMS.map((i) => r.items[i.key]),
    s.wage, s.business, s.property, s.transfer, s.cost, s.net, s.householdSize, s.perCapitaNet, e.status,
    JSON.stringify(e.checks), r.remark, meta.source, meta.recordedBy, meta.at,
  ];
}

export function itemsFromRow(row: Record<string, unknown>): IncomeItems {
  return Object.fromEntries(INCOME_ITEMS.map((i) => [i.key, Number(row[i.column] ?? 0)])) as IncomeItems;
}

/** Current records (and, with `history`, superseded revisions too) of one household, oldest period first. */
export function incomeRecordsOf(orm: Executor, countyCode: string, householdId: string, history = false) {
  return queryRows<IncomeRecordRow>(
    orm,
    sql`SELECT * FROM income_records WHERE county_code = ${countyCode} AND household_id = ${householdId}
        ${history ? sql`` : sql`AND superseded_at IS NULL`}
        ORDER BY year, quarter, recorded_at`,
  );
}

export function currentRecord(orm: Executor, countyCode: string, householdId: string, year: number, quarter: number) {
  return queryOne<IncomeRecordRow>(
    orm,
    sql`SELECT * FROM income_records WHERE county_code = ${countyCode} AND household_id = ${householdId}
          AND year = ${year} AND quarter = ${quarter} AND superseded_at IS NULL`,
  );
}

/** A new revision: the previous current record for the period is superseded in the same transaction. */
export async function insertRevision(
  orm: Executor,
  r: {
    countyCode: string; householdId: string; villageCode: string; year: number; quarter: number;
    items: IncomeItems; summary: IncomeSummary; status: 'valid' | 'to_verify'; checks: unknown; remark: string | null;
    source: string; recordedBy: string | null; at: Date;
  },
) {
  await orm.execute(sql`UPDATE income_records SET superseded_at = ${r.at}
                        WHERE county_code = ${r.countyCode} AND household_id = ${r.householdId} AND year = ${r.year}
                          AND quarter = ${r.quarter} AND superseded_at IS NULL`);
  const values = INCOME_ITEMS.map((i) => sql`${r.items[i.key]}`);
  const s = r.summary;
  return queryOne<{ id: string }>(
    orm,
    sql`INSERT INTO income_records (county_code, household_id, village_code, year, quarter,
          ${sql.raw(itemColumns.join(', '))},
          wage_total, business_total, property_total, transfer_total, cost_total, net_income, household_size,
          per_capita_net, status, check_results, remark, source, recorded_by, recorded_at)
        VALUES (${r.countyCode}, ${r.householdId}, ${r.villageCode}, ${r.year}, ${r.quarter}, ${sql.join(values, sql`, `)},
          ${s.wage}, ${s.business}, ${s.property}, ${s.transfer}, ${s.cost}, ${s.net}, ${s.householdSize}, ${s.perCapitaNet},
          ${r.status}, ${JSON.stringify(r.checks)}::jsonb, ${r.remark}, ${r.source}, ${r.recordedBy}, ${r.at})
        RETURNING id`,
  );
}

/**
 * Refreshes the households' materialised "latest income" columns from their current records in one statement.
 * `targets` selects (county_code, household_id) pairs. Records awaiting verification (待核实) give no income figure:
 * they stay out of statistics until fixed.
 */
export async function refreshLatestIncome(orm: Executor, targets: SQL) {
  await orm.execute(sql`
    UPDATE households h SET
      latest_year = l.year, latest_quarter = l.quarter,
      latest_per_capita_annual = CASE WHEN l.status = 'valid' THEN round(l.per_capita_net * 4.0 / l.quarter)::bigint END,
      latest_check_errors = coalesce(l.errors, 0), latest_check_warnings = coalesce(l.warnings, 0)
    FROM (${targets}) t
    LEFT JOIN LATERAL (
      SELECT r.year, r.quarter, r.per_capita_net, r.status,
             (SELECT count(*) FROM jsonb_array_elements(r.check_results) x WHERE x->>'severity' = 'error')::int AS errors,
             (SELECT count(*) FROM jsonb_array_elements(r.check_results) x WHERE x->>'severity' = 'warning')::int AS warnings
      FROM income_records r WHERE r.county_code = t.county_code AND r.household_id = t.household_id AND r.superseded_at IS NULL
      ORDER BY r.year DESC, r.quarter DESC LIMIT 1) l ON true
    WHERE h.county_code = t.county_code AND h.id = t.household_id`);
}
