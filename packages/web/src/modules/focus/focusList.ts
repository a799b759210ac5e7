import { FOCUS_GROUPS, PLAN_STATUS_FILTERS, type FocusGroup, type PlanStatusFilter } from '@zengshou/core';
import type { LedgerState } from './types';

export const LEDGER_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

const isGroup = (v: string | null): v is FocusGroup => v !== null && (FOCUS_GROUPS as readonly string[]).includes(v);
const isStatus = (v: string | null): v is PlanStatusFilter => v !== null && (PLAN_STATUS_FILTERS as readonly string[]).includes(v);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ledger view kept in the address bar (?group=income_fell&status=open&page=2&plan=<household id>). */
export function ledgerStateFromSearch(search: URLSearchParams): LedgerState {
  const group = search.get('group');
  const status = search.get('status');
  const page = Number(search.get('page'));
  const pageSize = Number(search.get('pageSize'));
  const plan = search.get('plan');
  return {
    group: isGroup(group) ? group : 'low_income',
    planStatus: isStatus(status) ? status : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (LEDGER_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    plan: plan && UUID.test(plan) ? plan : undefined,
  };
}

export function searchFromLedgerState(state: LedgerState): URLSearchParams {
  const search = new URLSearchParams();
  if (state.group !== 'low_income') search.set('group', state.group);
  if (state.planStatus) search.set('status', state.planStatus);
  if (state.page > 1) search.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(state.pageSize));
  if (state.plan) search.set('plan', state.plan);
  return search;
}

/** The export of what the list shows (group, status filter, region), without paging. */
export function ledgerExportUrl(state: Pick<LedgerState, 'group' | 'planStatus'>, region: string): string {
  const search = new URLSearchParams({ group: state.group });
  if (state.planStatus) search.set('planStatus', state.planStatus);
  if (region) search.set('region', region);
  return `/api/focus/ledger/export?${search.toString()}`;
}

/** Counts may arrive as int8 text on some drivers: read with Number, anything odd as 0. */
export function countOf(value: unknown): number {
  const n = Number(value ?? 0);
  return Number.isFinite(n) && n >= 0 ? n : 0;
}
