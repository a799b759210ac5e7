import { http } from '../../api';
import type { Ledger, LedgerState, PlanDetail, PlanRequestBody, RefreshResult } from '../types';

export function fetchLedger(state: LedgerState, region: string): Promise<Ledger> {
  return http.get('/api/focus/ledger', {
    query: { group: state.group, planStatus: state.planStatus, region, page: state.page, pageSize: state.pageSize },
  });
}

export function fetchPlan(householdId: string): Promise<PlanDetail> {
  return http.get(`/api/households/${encodeURIComponent(householdId)}/focus-plan`);
}

export function savePlan(householdId: string, body: PlanRequestBody): Promise<PlanDetail> {
  return http.put(`/api/households/${encodeURIComponent(householdId)}/focus-plan`, body);
}

export function refreshPlanStatuses(): Promise<RefreshResult> {
  return http.post('/api/focus/refresh', {});
}
