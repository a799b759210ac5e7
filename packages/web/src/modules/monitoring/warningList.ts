import { WARNING_RULE_IDS, type WarningRuleId } from '@zengshou/core';
import type { WarningCount, WarningListState } from './types';

export const WARNING_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

const isRuleId = (value: string | null): value is WarningRuleId => value !== null && (WARNING_RULE_IDS as readonly string[]).includes(value);

/** The list state kept in the address bar (?rule=below_line&status=closed&page=2); open warnings by default. */
export function warningStateFromSearch(search: URLSearchParams): WarningListState {
  const rule = search.get('rule');
  const status = search.get('status');
  const page = Number(search.get('page'));
  const pageSize = Number(search.get('pageSize'));
  return {
    ruleId: isRuleId(rule) ? rule : undefined,
    status: status === 'closed' || status === 'all' ? status : 'open',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (WARNING_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

export function searchFromWarningState(state: WarningListState): URLSearchParams {
  const search = new URLSearchParams();
  if (state.ruleId) search.set('rule', state.ruleId);
  if (state.status !== 'open') search.set('status', state.status);
  if (state.page > 1) search.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(state.pageSize));
  return search;
}

export interface RuleCount {
  ruleId: WarningRuleId;
  open: number;
  overdue: number;
}

/** One entry per known rule, in the rules' order, zero where the server sent no row. */
export function countsByRule(counts: readonly WarningCount[] | undefined): RuleCount[] {
  const byId = new Map((counts ?? []).map((c) => [c.rule_id, c]));
  return WARNING_RULE_IDS.map((ruleId) => {
    const row = byId.get(ruleId);
    const open = Number(row?.open ?? 0);
    const overdue = Number(row?.overdue ?? 0);
    return { ruleId, open: Number.isFinite(open) ? open : 0, overdue: Number.isFinite(overdue) ? overdue : 0 };
  });
}
