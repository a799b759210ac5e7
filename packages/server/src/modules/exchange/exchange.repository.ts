import { INCOME_ITEMS, type CaseState } from '@zengshou/core';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { queryRows, sql, type SQL } from '../../platform/db/sql.ts';

/** A page of households of the export, in file order, with the names of their regions and their head. */
export interface ExchangeHouseholdRow extends Record<string, unknown> {
  county_code: string;
  id: string;
  household_no: string;
  village_code: string;
  county_name: string | null;
  township_name: string | null;
  village_name: string | null;
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
  member_count: number;
  head_name: string | null;
  head_id_number: string | null;
}

type Cursor = { village: string; no: string } | null;

/**
 * Households under `region`, 2,000 at a time, ordered by village and number (binary collation, so PGlite and
 * PostgreSQL write the same order whatever their locale). Every sheet walks this same order.
 */
export async function* iterateExchangeHouseholds(orm: Executor, region: string, pageSize = 2000): AsyncGenerator<ExchangeHouseholdRow[]> {
  let after: Cursor = null;
  for (;;) {
    const cursor: SQL = after ? sql`AND (h.village_code, h.household_no COLLATE "C") > (${after.village}, ${after.no} COLLATE "C")` : sql``;
    const rows: ExchangeHouseholdRow[] = await queryRows<ExchangeHouseholdRow>(orm, sql`
      SELECT h.county_code, h.id, h.household_no, h.village_code, rc.name AS county_name, rt.name AS township_name, rv.name AS village_name,
             h.address, h.household_type, h.assistance_status, h.monitoring_category, h.relocated, h.phone, h.unsafe_housing,
             h.unsafe_water, h.school_dropout, h.uninsured_member, h.member_count, head.name AS head_name, head.id_number AS head_id_number
      FROM households h
      LEFT JOIN regions rc ON rc.code = substr(h.village_code, 1, 6) AND rc.valid_to IS NULL
      LEFT JOIN regions rt ON rt.code = substr(h.village_code, 1, 9) AND rt.valid_to IS NULL
      LEFT JOIN regions rv ON rv.code = h.village_code AND rv.valid_to IS NULL
      LEFT JOIN LATERAL (SELECT m.name, m.id_number FROM members m WHERE m.county_code = h.county_code AND m.household_id = h.id
                         AND m.relation = 'head' ORDER BY m.id_number LIMIT 1) head ON true
      WHERE h.village_code LIKE ${region + '%'} ${cursor}
      ORDER BY h.village_code, h.household_no COLLATE "C" LIMIT ${pageSize}`);
    if (rows.length === 0) return;
    yield rows;
    const last: ExchangeHouseholdRow = rows[rows.length - 1]!;
    after = { village: last.village_code, no: last.household_no };
  }
}

const pageKeys = (page: readonly ExchangeHouseholdRow[]) =>
  sql`unnest(${sql.param(page.map((h) => h.county_code))}::text[], ${sql.param(page.map((h) => h.id))}::uuid[], ${sql.param(page.map((_, i) => i))}::int[]) AS k(county_code, household_id, ord)`;

export interface ExchangeMemberRow extends Record<string, unknown> {
  household_id: string;
  id_number: string;
  name: string;
  sex: string;
  birth_date: string;
  relation: string;
  labour_capacity: string;
  health: string;
  disability_grade: number | null;
  schooling: string | null;
  schooling_status: string | null;
  employment_status: string | null;
  employment_place: string | null;
  skills: string | null;
}

/** Members of a page of households, in the page's order, the head first. */
export function membersOf(orm: Executor, page: readonly ExchangeHouseholdRow[]) {
  return queryRows<ExchangeMemberRow>(orm, sql`
    SELECT m.household_id, m.id_number, m.name, m.sex, to_char(m.birth_date, 'YYYY-MM-DD') AS birth_date, m.relation, m.labour_capacity,
           m.health, m.disability_grade, m.schooling, m.schooling_status, m.employment_status, m.employment_place, m.skills
    FROM ${pageKeys(page)} JOIN members m ON m.county_code = k.county_code AND m.household_id = k.household_id
    ORDER BY k.ord, (m.relation = 'head') DESC, m.birth_date, m.id_number`);
}

export type ExchangeIncomeRow = Record<string, unknown> & {
  household_id: string;
  year: number;
  quarter: number;
  household_size: number;
  wage_total: number;
  business_total: number;
  property_total: number;
  transfer_total: number;
  cost_total: number;
  net_income: number;
  per_capita_net: number;
  remark: string | null;
};

/** Current income records (the latest revision of each period) of a page of households, by period. */
export function incomeOf(orm: Executor, page: readonly ExchangeHouseholdRow[]) {
  return queryRows<ExchangeIncomeRow>(orm, sql`
    SELECT r.household_id, r.year, r.quarter, r.household_size, ${sql.raw(INCOME_ITEMS.map((i) => `r.${i.column}`).join(', '))},
           r.wage_total, r.business_total, r.property_total, r.transfer_total, r.cost_total, r.net_income, r.per_capita_net, r.remark
    FROM ${pageKeys(page)} JOIN income_records r ON r.county_code = k.county_code AND r.household_id = k.household_id AND r.superseded_at IS NULL
    ORDER BY k.ord, r.year, r.quarter`);
}

/**
 * Cases of a page of households that the national system lists: included (监测对象) from the county approval on,
 * whether still monitored, on the way out, or eliminated. Ordered by approval, then by number.
 */
export function casesOf(orm: Executor, page: readonly ExchangeHouseholdRow[]) {
  return queryRows<{ household_id: string; state: CaseState }>(orm, sql`
    SELECT c.household_id, c.state FROM ${pageKeys(page)} JOIN cases c ON c.county_code = k.county_code AND c.household_id = k.household_id
    WHERE c.status NOT IN ('lead', 'home_check', 'in_notice', 'township_review', 'county_approval', 'closed_not_included')
    ORDER BY k.ord, c.state->>'approvedAt', c.case_no`);
}

/** Households of the importer's scope by number, with the states of their cases (to match and to avoid a second running one). */
export function householdsForCases(tx: Tx, scope: string, numbers: readonly string[]) {
  return queryRows<{ county_code: string; id: string; household_no: string; village_code: string; cases: Array<{ status: string; state: CaseState }> }>(tx.orm, sql`
    SELECT h.county_code, h.id, h.household_no, h.village_code,
      coalesce((SELECT jsonb_agg(jsonb_build_object('status', c.status, 'state', c.state))
                FROM cases c WHERE c.county_code = h.county_code AND c.household_id = h.id), '[]'::jsonb) AS cases
    FROM households h WHERE h.household_no = ANY(${sql.param(numbers)}::text[]) AND h.village_code LIKE ${scope + '%'}`);
}
