import { createHash } from 'node:crypto';
import { canonicalJson } from '@zengshou/core';
import type { Database, Executor, Tx } from '../db/database.ts';
import { queryOne, queryRows, sql } from '../db/sql.ts';
import type { Clock } from '../clock.ts';

export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditEntry {
  action: string;
  outcome: AuditOutcome;
  actor?: { userId: string; username: string } | null;
  /** Username attempted at a failed login, when there is no actor. */
  username?: string | null;
  ip?: string | null;
  regionCode?: string | null;
  entity?: string | null;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
}

interface StoredAuditRow {
  seq: number;
  occurred_at: Date;
  user_id: string | null;
  username: string | null;
  action: string;
  outcome: AuditOutcome;
  ip: string | null;
  region_code: string | null;
  entity: string | null;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
  prev_hash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);
/** Serialises appends on PostgreSQL so the chain has no forks; held only until the enclosing commit. */
const CHAIN_LOCK = 72_716_002;

export function auditRowHash(prevHash: string, row: Omit<StoredAuditRow, 'prev_hash' | 'hash'>): string {
  const body = canonicalJson({
    seq: row.seq,
    occurredAt: row.occurred_at.toISOString(),
    userId: row.user_id,
    username: row.username,
    action: row.action,
    outcome: row.outcome,
    ip: row.ip,
    regionCode: row.region_code,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before ?? null,
    after: row.after ?? null,
    detail: row.detail ?? null,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export class AuditLog {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends inside the caller's transaction, so a change and its audit record commit together or not at all.
   * Call it as the last step of a transaction: the chain lock is held from here to the commit.
   */
  async append(tx: Tx, entry: AuditEntry): Promise<void> {
    await appendWith(tx.orm, entry, this.clock.now());
  }

  /** For events with no business transaction of their own: logins, denials, reads of personal data. */
  async appendStandalone(entry: AuditEntry): Promise<void> {
    await this.db.transaction((tx) => appendWith(tx.orm, entry, this.clock.now()));
  }

  /** Walks the whole chain in seq order, in pages, and names the first row whose hash or link does not hold. */
  async verify(): Promise<{ ok: boolean; checked: number; firstBrokenSeq: number | null }> {
    let prevHash = GENESIS;
    let lastSeq = 0;
    let checked = 0;
    for (;;) {
      const page = await queryRows<StoredAuditRow>(
        this.db.orm,
        sql`SELECT * FROM audit_log WHERE seq > ${lastSeq} ORDER BY seq LIMIT 5000`,
      );
      if (page.length === 0) return { ok: true, checked, firstBrokenSeq: null };
      for (const row of page) {
        const expectedSeq = lastSeq + 1;
        if (row.seq !== expectedSeq || row.prev_hash !== prevHash || auditRowHash(prevHash, row) !== row.hash) {
          return { ok: false, checked, firstBrokenSeq: row.seq !== expectedSeq ? expectedSeq : row.seq };
        }
        prevHash = row.hash;
        lastSeq = row.seq;
        checked++;
      }
    }
  }
}

async function appendWith(orm: Executor, entry: AuditEntry, occurredAt: Date): Promise<void> {
  await orm.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const last = await queryOne<{ seq: number; hash: string }>(
    orm,
    sql`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`,
  );
  const row = {
    seq: (last?.seq ?? 0) + 1,
    occurred_at: occurredAt,
    user_id: entry.actor?.userId ?? null,
    username: entry.actor?.username ?? entry.username ?? null,
    action: entry.action,
    outcome: entry.outcome,
    ip: entry.ip ?? null,
    region_code: entry.regionCode ?? null,
    entity: entry.entity ?? null,
    entity_id: entry.entityId ?? null,
    // Round-trip through JSON now so what is hashed is exactly what jsonb will give back (no undefined, no Dates).
    before: normaliseJson(entry.before),
    after: normaliseJson(entry.after),
    detail: normaliseJson(entry.detail),
  };
  const prevHash = last?.hash ?? GENESIS;
  const hash = auditRowHash(prevHash, row);
  await orm.execute(sql`
    INSERT INTO audit_log (seq, occurred_at, user_id, username, action, outcome, ip, region_code, entity, entity_id,
                           before, after, detail, prev_hash, hash)
    VALUES (${row.seq}, ${row.occurred_at}, ${row.user_id}, ${row.username}, ${row.action}, ${row.outcome}, ${row.ip},
            ${row.region_code}, ${row.entity}, ${row.entity_id}, ${jsonParam(row.before)}::jsonb,
            ${jsonParam(row.after)}::jsonb, ${jsonParam(row.detail)}::jsonb, ${prevHash}, ${hash})`);
}

function normaliseJson(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

function jsonParam(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}
