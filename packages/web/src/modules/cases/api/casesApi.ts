import { http } from '../../api';
import type {
  BulkBody,
  BulkResult,
  CaseDetail,
  CaseList,
  CaseListState,
  CaseNoticeSheet,
  CaseStepBody,
  HouseholdTimeline,
  NoticeKind,
  OpenLeadBody,
} from '../types';

export function listCases(state: CaseListState, region: string): Promise<CaseList> {
  return http.get('/api/cases', {
    query: { queue: state.queue, region, status: state.status, page: state.page, pageSize: state.pageSize },
  });
}

export function fetchCase(id: string): Promise<CaseDetail> {
  return http.get(`/api/cases/${encodeURIComponent(id)}`);
}

/** 201 with the new case; 409 `case_exists` (details.caseId) when the household already has an active case. */
export function openLead(body: OpenLeadBody): Promise<CaseDetail> {
  return http.post('/api/cases', body);
}

/** 422 `case_step_refused` carries the Chinese reasons in details.reasons; 409 `version_conflict` = reload. */
export function takeCaseStep(id: string, body: CaseStepBody): Promise<CaseDetail> {
  return http.post(`/api/cases/${encodeURIComponent(id)}/events`, body);
}

export function bulkCaseStep(body: BulkBody): Promise<BulkResult> {
  return http.post('/api/cases/bulk', body);
}

export function fetchCaseNotices(villageCode: string, kind: NoticeKind): Promise<CaseNoticeSheet> {
  return http.get('/api/case-notices', { query: { village: villageCode, kind } });
}

export function caseNoticesXlsxUrl(villageCode: string, kind: NoticeKind): string {
  return `/api/case-notices.xlsx?${new URLSearchParams({ village: villageCode, kind }).toString()}`;
}

export function fetchHouseholdTimeline(householdId: string): Promise<HouseholdTimeline> {
  return http.get(`/api/households/${encodeURIComponent(householdId)}/timeline`);
}
