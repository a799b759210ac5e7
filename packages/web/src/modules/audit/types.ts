export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditEvent {
  seq: number;
  occurredAt: string;
  username: string | null;
  action: string;
  outcome: AuditOutcome;
  ip: string | null;
  regionCode: string | null;
  entity: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
}

export interface AuditFilters {
  /** ISO timestamps, inclusive. */
  from?: string;
  to?: string;
  username?: string;
  action?: string;
  outcome?: AuditOutcome;
}

export interface AuditQuery extends AuditFilters {
  page: number;
  pageSize: number;
}

export interface AuditChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
}
