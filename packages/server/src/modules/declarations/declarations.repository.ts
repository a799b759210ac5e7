import type { CaseStatus, DeclarationStatus, DifficultyType } from '@zengshou/core';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { arrayParam, queryOne, queryRows, sql } from '../../platform/db/sql.ts';

export interface DeclarationRow {
  county_code: string;
  id: string;
  receipt_code: string;
  village_code: string;
  name: string;
  phone: string;
  id_number: string;
  difficulties: DifficultyType[];
  description: string;
  status: DeclarationStatus;
  household_id: string | null;
  case_id: string | null;
  closed_reason: string | null;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface DeclarationListRow extends DeclarationRow {
  village_name: string | null;
  household_no: string | null;
  case_no: string | null;
  case_status: CaseStatus | null;
  case_due_kind: string | null;
  case_due_date: string | null;
  total: number;
}

/** The per-installation HMAC key (migration 0006). */
export async function hashKey(orm: Executor): Promise<string> {
  const row = await queryOne<{ key: string }>(orm, sql`SELECT value->>'hashKey' AS key FROM settings WHERE key = 'declarations'`);
  if (!row?.key) throw new Error('declarations hash key missing (migration 0006 not applied?)');
  return row.key;
}

/** How many declarations this ID sent since a moment (per-ID rate limit); read in the inserting transaction. */
export async function countSince(orm: Executor, idHash: string, since: Date): Promise<number> {
  const row = await queryOne<{ n: number }>(orm, sql`SELECT count(*)::int AS n FROM declarations WHERE id_hash = ${idHash} AND created_at > ${since}`);
  return row?.n ?? 0;
}

/** The household a person belongs to, within one county (a person is in one household at a time). */
export function householdOfMember(orm: Executor, county: string, idNumber: string) {
  return queryOne<{ household_id: string; village_code: string }>(orm, sql`SELECT h.id AS household_id, h.village_code
    FROM members m JOIN households h ON h.county_code = m.county_code AND h.id = m.household_id
    WHERE m.county_code = ${county} AND m.id_number = ${idNumber}`);
}

export function householdInScope(orm: Executor, scope: string, householdId: string) {
  return queryOne<{ county_code: string; id: string; village_code: string }>(orm, sql`SELECT county_code, id, village_code FROM households
    WHERE id = ${householdId}::uuid AND village_code LIKE ${scope + '%'}`);
}

export function isCurrentVillage(orm: Executor, code: string) {
  return queryOne<{ code: string }>(orm, sql`SELECT code FROM regions WHERE code = ${code} AND level = 'village' AND valid_to IS NULL`);
}

export async function insertDeclaration(tx: Tx, d: {
  county: string; receiptCode: string; villageCode: string; name: string; phone: string; idNumber: string; idHash: string; ipHash: string | null;
  difficulties: readonly string[]; description: string; status: DeclarationStatus; householdId: string | null; caseId: string | null; at: Date;
}) {
  const row = await queryOne<{ id: string }>(tx.orm, sql`INSERT INTO declarations (county_code, receipt_code, village_code, name, phone, id_number,
      id_hash, ip_hash, difficulties, description, status, household_id, case_id, created_at, updated_at)
    VALUES (${d.county}, ${d.receiptCode}, ${d.villageCode}, ${d.name}, ${d.phone}, ${d.idNumber}, ${d.idHash}, ${d.ipHash},
      ${arrayParam(d.difficulties)}::text[], ${d.description}, ${d.status}, ${d.householdId}::uuid, ${d.caseId}::uuid, ${d.at}, ${d.at})
    ON CONFLICT (receipt_code) DO NOTHING
    RETURNING id`);
  return row?.id ?? null;
}

/** The public lookup: by receipt code only; the caller compares the last 4 of the ID itself. */
export function findByReceipt(orm: Executor, receiptCode: string) {
  return queryOne<{ status: DeclarationStatus; id_number: string; created_at: Date; case_status: CaseStatus | null }>(orm, sql`
    SELECT d.status, d.id_number, d.created_at, c.status AS case_status
    FROM declarations d LEFT JOIN cases c ON c.county_code = d.county_code AND c.id = d.case_id
    WHERE d.receipt_code = ${receiptCode}`);
}

const LIST_COLUMNS = sql`d.*,
  (SELECT r.name FROM regions r WHERE r.code = d.village_code AND r.valid_to IS NULL) AS village_name,
  h.household_no, c.case_no, c.status AS case_status, c.due_kind AS case_due_kind, to_char(c.due_date, 'YYYY-MM-DD') AS case_due_date`;
const LIST_FROM = sql`FROM declarations d
  LEFT JOIN households h ON h.county_code = d.county_code AND h.id = d.household_id
  LEFT JOIN cases c ON c.county_code = d.county_code AND c.id = d.case_id`;

export function listDeclarations(orm: Executor, f: { region: string; statuses: DeclarationStatus[] | null }, limit: number, offset: number) {
  return queryRows<DeclarationListRow>(orm, sql`SELECT ${LIST_COLUMNS}, count(*) OVER ()::int AS total ${LIST_FROM}
    WHERE d.village_code LIKE ${f.region + '%'} ${f.statuses ? sql`AND d.status = ANY(${arrayParam(f.statuses)}::text[])` : sql``}
    ORDER BY (d.status = 'needs_registration') DESC, d.created_at DESC
    LIMIT ${limit} OFFSET ${offset}`);
}

/** One declaration inside the caller's scope; outside it, simply not found. */
export function findInScope(orm: Executor, scope: string, id: string, forUpdate = false) {
  return queryOne<DeclarationListRow>(orm, sql`SELECT ${LIST_COLUMNS}, 1 AS total ${LIST_FROM}
    WHERE d.id = ${id}::uuid AND d.village_code LIKE ${scope + '%'} ${forUpdate ? sql`FOR UPDATE OF d` : sql``}`);
}

export async function markLinked(tx: Tx, county: string, id: string, householdId: string, caseId: string, villageCode: string, at: Date) {
  await tx.orm.execute(sql`UPDATE declarations SET status = 'lead_opened', household_id = ${householdId}::uuid, case_id = ${caseId}::uuid,
      village_code = ${villageCode}, updated_at = ${at}
    WHERE county_code = ${county} AND id = ${id}::uuid`);
}

export async function markClosed(tx: Tx, county: string, id: string, reason: string, by: string, at: Date) {
  await tx.orm.execute(sql`UPDATE declarations SET status = 'closed', closed_reason = ${reason}, closed_by = ${by}::uuid, closed_at = ${at}, updated_at = ${at}
    WHERE county_code = ${county} AND id = ${id}::uuid`);
}

/** The top of the region tree (provinces), for the public village picker when no QR code named the village. */
export function topRegions(orm: Executor) {
  return queryRows<{ code: string; name: string; level: string; has_children: boolean }>(orm, sql`SELECT r.code, r.name, r.level,
      EXISTS (SELECT 1 FROM regions c WHERE c.parent_code = r.code AND c.valid_to IS NULL) AS has_children
    FROM regions r WHERE r.parent_code IS NULL AND r.valid_to IS NULL ORDER BY r.code`);
}
