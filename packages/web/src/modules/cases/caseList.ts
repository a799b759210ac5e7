import { CASE_STATES, CASE_STEP_ROLES, type CaseStatus, type Role } from '@zengshou/core';
import type { BulkStep, CaseCounts, CaseListState, CaseQueue, CaseSummary } from './types';

export const CASE_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;
const QUEUES: readonly CaseQueue[] = ['mine', 'overdue', 'all'];

const isStatus = (value: string | null): value is CaseStatus => value !== null && (CASE_STATES as readonly string[]).includes(value);

/** The queue page's state from the address bar (?queue=all&status=township_review&page=2); 待我办理 by default. */
export function caseStateFromSearch(search: URLSearchParams): CaseListState {
  const queue = search.get('queue');
  const status = search.get('status');
  const page = Number(search.get('page'));
  const pageSize = Number(search.get('pageSize'));
  return {
    queue: QUEUES.includes(queue as CaseQueue) ? (queue as CaseQueue) : 'mine',
    status: isStatus(status) ? status : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (CASE_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

export function searchFromCaseState(state: CaseListState): URLSearchParams {
  const search = new URLSearchParams();
  if (state.queue !== 'mine') search.set('queue', state.queue);
  if (state.status) search.set('status', state.status);
  if (state.page > 1) search.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(state.pageSize));
  return search;
}

export interface StatusCount {
  status: CaseStatus;
  count: number;
}

const toCount = (value: number | string | undefined): number => {
  const n = Number(value ?? 0);
  return Number.isFinite(n) && n > 0 ? n : 0;
};

/**
 * One entry per case state in the workflow's order, zero where the server sent none; counts may arrive as int8
 * text. The two closed outcomes are left out when empty: the cards are for work, not for archives.
 */
export function countsByStatus(counts: CaseCounts | undefined): { statuses: StatusCount[]; overdue: number; dueSoon: number } {
  const by = counts?.byStatus ?? {};
  const statuses = CASE_STATES.map((status) => ({ status, count: toCount(by[status]) })).filter(
    (c) => c.count > 0 || (c.status !== 'eliminated' && c.status !== 'closed_not_included'),
  );
  return { statuses, overdue: toCount(counts?.overdue), dueSoon: toCount(counts?.dueSoon) };
}

/** The review and approval states a whole batch may pass at once, and the step that passes them. */
export const BULK_STEP_BY_STATUS: Partial<Record<CaseStatus, BulkStep>> = {
  township_review: 'township_reviewed',
  county_approval: 'county_approved',
  elimination_township_review: 'elimination_township_reviewed',
  elimination_county_approval: 'elimination_county_approved',
};

/** The bulk step for a case in `status` that one of `roles` may take (core's CASE_STEP_ROLES), or null. */
export function bulkStepFor(status: CaseStatus, roles: readonly Role[]): BulkStep | null {
  const step = BULK_STEP_BY_STATUS[status];
  if (!step) return null;
  return CASE_STEP_ROLES[step].some((role) => roles.includes(role)) ? step : null;
}

export interface BulkGroup {
  step: BulkStep;
  items: { caseId: string; expectedVersion: number }[];
}

/**
 * The selected rows grouped by the step that passes them (one request per step, since the endpoint takes one),
 * in the workflow's order; rows this user may not pass are left out.
 */
export function bulkGroups(rows: readonly CaseSummary[], roles: readonly Role[]): BulkGroup[] {
  const groups = new Map<BulkStep, BulkGroup>();
  for (const row of rows) {
    const step = bulkStepFor(row.status, roles);
    if (!step) continue;
    const group = groups.get(step) ?? { step, items: [] };
    group.items.push({ caseId: row.id, expectedVersion: row.version });
    groups.set(step, group);
  }
  const order = Object.values(BULK_STEP_BY_STATUS);
  return [...groups.values()].sort((a, b) => order.indexOf(a.step) - order.indexOf(b.step));
}

/** Urgency → the row classes the warning list already uses (red overdue, orange due soon). */
export const CASE_ROW_CLASS: Partial<Record<CaseSummary['urgency'], string>> = {
  overdue: 'warning-row-overdue',
  due_soon: 'warning-row-due-soon',
};
