import type { CaseEvent, CaseStatus } from '@zengshou/core';
import type { Executor } from '../../platform/db/database.ts';
import { arrayParam, queryOne, queryRows, sql, type SQL } from '../../platform/db/sql.ts';

/** Cases of a region: the county column first, so a county-or-below query reads one county's rows. */
function casesIn(region: string, alias = 'c'): SQL {
  const a = sql.raw(alias);
  return region.length >= 6
    ? sql`${a}.county_code = ${region.slice(0, 6)} AND ${a}.village_code LIKE ${region + '%'}`
    : sql`${a}.county_code LIKE ${region + '%'}`;
}

export function regionName(orm: Executor, code: string) {
  return queryOne<{ code: string; name: string; level: string }>(orm, sql`SELECT code, name, level FROM regions WHERE code = ${code} AND valid_to IS NULL`);
}

export function childRegions(orm: Executor, code: string) {
  return queryRows<{ code: string; name: string }>(orm, sql`SELECT code, name FROM regions WHERE parent_code = ${code} AND valid_to IS NULL ORDER BY code`);
}

export interface ProgressRow {
  code: string;
  leads_opened: number;
  identifications_approved: number;
  eliminations_approved: number;
  not_included: number;
  measures_added: number;
  measures_completed: number;
}

/**
 * What happened to the cases of a region between two instants, per child region (by the event's own time, so a
 * step recorded late still counts in the month it was taken). "Not included" is either way a case ends without
 * inclusion: the home check found no need, or the county rejected. A measure marked done twice counts once.
 */
export function progressByChild(orm: Executor, region: string, childLength: number, from: string, to: string) {
  return queryRows<ProgressRow>(orm, sql`SELECT substr(c.village_code, 1, ${childLength}::int) AS code,
      count(*) FILTER (WHERE e.type = 'lead_opened')::int8 AS leads_opened,
      count(*) FILTER (WHERE e.type = 'county_approved' AND e.event->>'decision' = 'approve')::int8 AS identifications_approved,
      count(*) FILTER (WHERE e.type = 'elimination_county_approved' AND e.event->>'decision' = 'approve')::int8 AS eliminations_approved,
      count(*) FILTER (WHERE (e.type = 'home_checked' AND e.event->>'finding' = 'not_include')
                          OR (e.type = 'county_approved' AND e.event->>'decision' = 'reject'))::int8 AS not_included,
      count(*) FILTER (WHERE e.type = 'measure_added')::int8 AS measures_added,
      count(DISTINCT e.case_id::text || '/' || (e.event->>'measureId'))
        FILTER (WHERE e.type = 'measure_updated' AND e.event->>'status' = 'done')::int8 AS measures_completed
    FROM case_events e JOIN cases c ON c.county_code = e.county_code AND c.id = e.case_id
    WHERE ${casesIn(region)} AND e.at >= ${from}::timestamptz AND e.at < ${to}::timestamptz
    GROUP BY 1`);
}

/**
 * Events up to an instant of the cases that could have been overdue then: opened by that time, and not already
 * finished (eliminated or closed) before the period began — a finished case waits for nothing.
 */
export function caseHistoriesUpTo(orm: Executor, region: string, periodStart: string, to: string) {
  return queryRows<{ case_id: string; village_code: string; events: CaseEvent[] }>(orm, sql`SELECT c.id AS case_id, c.village_code,
      jsonb_agg(e.event ORDER BY e.seq) AS events
    FROM cases c JOIN case_events e ON e.county_code = c.county_code AND e.case_id = c.id AND e.at < ${to}::timestamptz
    WHERE ${casesIn(region)} AND c.opened_at < ${to}::timestamptz
      AND NOT (c.status IN ('eliminated', 'closed_not_included') AND c.updated_at < ${periodStart}::timestamptz)
    GROUP BY c.id, c.village_code`);
}

// ---------------------------------------------------------------------------------------------------------
// Township review list (乡级半月研判)

export interface ReviewCaseRow {
  household_id: string;
  household_no: string;
  village_code: string;
  head_name: string | null;
  case_no: string;
  status: CaseStatus;
  source: string;
  due_kind: string | null;
  due_date: string | null;
  opened_at: Date;
}

const HEAD_NAME = sql`(SELECT m.name FROM members m WHERE m.county_code = h.county_code AND m.household_id = h.id AND m.relation = 'head' LIMIT 1)`;

/**
 * Cases that wait on the township or are late at the village: at township review (identification or elimination),
 * identification past its deadline, and self-declared leads nobody has visited yet.
 */
export function casesNeedingDecision(orm: Executor, region: string, today: string) {
  return queryRows<ReviewCaseRow>(orm, sql`SELECT h.id AS household_id, h.household_no, c.village_code, ${HEAD_NAME} AS head_name,
      c.case_no, c.status, c.source, c.due_kind, to_char(c.due_date, 'YYYY-MM-DD') AS due_date, c.opened_at
    FROM cases c JOIN households h ON h.county_code = c.county_code AND h.id = c.household_id
    WHERE ${casesIn(region)} AND (
      c.status IN ('township_review', 'elimination_township_review')
      OR (c.status IN ('lead', 'home_check', 'in_notice') AND c.due_date < ${today}::date)
      OR (c.status = 'lead' AND c.source = 'declaration'))
    ORDER BY c.village_code, c.due_date NULLS LAST, c.case_no`);
}

export interface ReviewWarningRow {
  household_id: string;
  household_no: string;
  village_code: string;
  head_name: string | null;
  title: string;
  due_at: Date;
}

/** Open warnings past their due time that no case has taken up (Yunnan escalates items open over 10 days). */
export function overdueWarnings(orm: Executor, region: string, now: Date) {
  return queryRows<ReviewWarningRow>(orm, sql`SELECT h.id AS household_id, h.household_no, w.village_code, ${HEAD_NAME} AS head_name,
      w.title, w.due_at
    FROM warnings w JOIN households h ON h.county_code = w.county_code AND h.id = w.household_id
    WHERE ${casesIn(region, 'w')} AND w.status = 'open' AND w.case_id IS NULL AND w.due_at < ${now.toISOString()}::timestamptz
    ORDER BY w.village_code, w.due_at, h.household_no`);
}

export function villageNames(orm: Executor, codes: readonly string[]) {
  return queryRows<{ code: string; name: string; township_name: string | null }>(orm, sql`SELECT v.code, v.name,
      (SELECT t.name FROM regions t WHERE t.code = substr(v.code, 1, 9) AND t.valid_to IS NULL) AS township_name
    FROM regions v WHERE v.valid_to IS NULL AND v.code = ANY(${arrayParam(codes)}::text[])`);
}
