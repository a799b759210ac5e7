import { http } from '../../api';
import type { AuditChainVerification, AuditEvent, AuditQuery } from '../types';

export function listAuditEvents(query: AuditQuery): Promise<{ items: AuditEvent[]; total: number }> {
  return http.get('/api/audit', { query: { ...query } });
}

export function verifyAuditChain(): Promise<AuditChainVerification> {
  return http.get('/api/audit/verify');
}
