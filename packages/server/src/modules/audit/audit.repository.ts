import type { Executor } from '../../platform/db/database.ts';
import { queryRows, sql } from '../../platform/db/sql.ts';

export interface AuditFilter {
  from: Date | null;
  to: Date | null;
  username: string | null;
  action: string | null;
  outcome: 'success' | 'denied' | 'failure' | null;
}

export interface AuditRow {
  seq: number;
  occurred_at: Date;
  username: string | null;
  action: string;
  outcome: string;
  ip: string | null;
  region_code: string | null;
  entity: string | null;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
  total: number;
}

/** Rows in the auditor's scope, plus rows tied to no region (e.g. a failed login with an unknown user name). */
export function listAudit(orm: Executor, scope: string, f: AuditFilter, limit: number, offset: number) {
  return queryRows<AuditRow>(
    orm,
    sql`SELECT seq, occurred_at, username, action, outcome, ip, region_code, entity, entity_id, before, after, detail,
               count(*) OVER ()::int8 AS total
        FROM audit_log
        WHERE (region_code IS NULL OR region_code LIKE ${scope + '%'})
          AND (${f.from}::timestamptz IS NULL OR occurred_at >= ${f.from})
          AND (${f.to}::timestamptz IS NULL OR occurred_at < ${f.to})
          AND (${f.username}::text IS NULL OR username = ${f.username})
          AND (${f.action}::text IS NULL OR action = ${f.action})
          AND (${f.outcome}::text IS NULL OR outcome = ${f.outcome})
        ORDER BY seq DESC LIMIT ${limit} OFFSET ${offset}`,
  );
}
