import { describe, expect, it } from 'vitest';
import { WARNING_RULE_IDS } from '@zengshou/core';
import { countsByRule, searchFromWarningState, warningStateFromSearch } from './warningList';

describe('warning list state in the address bar', () => {
  it('defaults to open warnings, first page', () => {
    expect(warningStateFromSearch(new URLSearchParams())).toEqual({ ruleId: undefined, status: 'open', page: 1, pageSize: 20 });
  });

  it('round-trips rule, status and page, and drops unknown values', () => {
    const state = warningStateFromSearch(new URLSearchParams('rule=below_line&status=closed&page=3&pageSize=50'));
    expect(state).toEqual({ ruleId: 'below_line', status: 'closed', page: 3, pageSize: 50 });
    expect(searchFromWarningState(state).toString()).toBe('rule=below_line&status=closed&page=3&pageSize=50');
    expect(warningStateFromSearch(new URLSearchParams('rule=nope&status=x&page=-1&pageSize=7'))).toEqual({
      ruleId: undefined,
      status: 'open',
      page: 1,
      pageSize: 20,
    });
    expect(searchFromWarningState({ status: 'open', page: 1, pageSize: 20 }).toString()).toBe('');
  });
});

describe('countsByRule', () => {
  it('lists every rule in order, zero where missing, reading int8 text as numbers', () => {
    const counts = countsByRule([{ rule_id: 'near_line', open: '12', overdue: '3' }, { rule_id: 'below_line', open: 5, overdue: 0 }]);
    expect(counts.map((c) => c.ruleId)).toEqual([...WARNING_RULE_IDS]);
    expect(counts[0]).toEqual({ ruleId: 'below_line', open: 5, overdue: 0 });
    expect(counts[1]).toEqual({ ruleId: 'near_line', open: 12, overdue: 3 });
    expect(counts.at(-1)).toEqual({ ruleId: 'focus_low_income', open: 0, overdue: 0 });
  });
});
