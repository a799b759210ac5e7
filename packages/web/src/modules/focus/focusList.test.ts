import { describe, expect, it } from 'vitest';
import { countOf, ledgerExportUrl, ledgerStateFromSearch, searchFromLedgerState } from './focusList';

const ID = '0b7c6d8e-1f2a-4b3c-8d9e-0a1b2c3d4e5f';

describe('ledger state in the address bar', () => {
  it('defaults to the low-income ledger, page 1 of 20, no filter, no drawer', () => {
    expect(ledgerStateFromSearch(new URLSearchParams())).toEqual({ group: 'low_income', planStatus: undefined, page: 1, pageSize: 20, plan: undefined });
  });

  it('round-trips every field and drops defaults from the URL', () => {
    const state = { group: 'income_fell' as const, planStatus: 'closed_out' as const, page: 3, pageSize: 50, plan: ID };
    const search = searchFromLedgerState(state);
    expect(search.toString()).toBe(`group=income_fell&status=closed_out&page=3&pageSize=50&plan=${ID}`);
    expect(ledgerStateFromSearch(search)).toEqual(state);
    expect(searchFromLedgerState({ group: 'low_income', page: 1, pageSize: 20 }).toString()).toBe('');
  });

  it('ignores values it does not know', () => {
    expect(ledgerStateFromSearch(new URLSearchParams('group=poor&status=done&page=-2&pageSize=7&plan=../../x'))).toEqual({
      group: 'low_income', planStatus: undefined, page: 1, pageSize: 20, plan: undefined,
    });
    expect(ledgerStateFromSearch(new URLSearchParams('status=none')).planStatus).toBe('none');
  });
});

describe('ledgerExportUrl', () => {
  it('exports what the list shows, without paging', () => {
    expect(ledgerExportUrl({ group: 'income_fell', planStatus: 'open' }, '533423101')).toBe('/api/focus/ledger/export?group=income_fell&planStatus=open&region=533423101');
    expect(ledgerExportUrl({ group: 'low_income' }, '')).toBe('/api/focus/ledger/export?group=low_income');
  });
});

describe('countOf', () => {
  it('reads numbers and int8 text, anything else as 0', () => {
    expect([countOf(3), countOf('12'), countOf(undefined), countOf('x'), countOf(-1)]).toEqual([3, 12, 0, 0, 0]);
  });
});
