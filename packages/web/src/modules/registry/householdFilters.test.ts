import { describe, expect, it } from 'vitest';
import { exportUrl, filterParams, hasActiveFilters, listStateFromSearch, searchFromListState } from './householdFilters';

describe('household list state in the address bar', () => {
  it('reads known values and drops unknown or malformed ones', () => {
    const state = listStateFromSearch(
      new URLSearchParams('page=3&pageSize=50&householdType=ordinary&monitoringCategory=bogus&incomeMin=-5&incomeMax=10000&failingChecks=true&problemFlag=unsafe_water&q=%20张%20'),
    );
    expect(state).toEqual({
      page: 3,
      pageSize: 50,
      householdType: 'ordinary',
      monitoringCategory: undefined,
      assistanceStatus: undefined,
      incomeMin: undefined,
      incomeMax: 10000,
      failingChecks: true,
      problemFlag: 'unsafe_water',
      q: '张',
    });
  });

  it('falls back to page 1 of 20 and round-trips without the defaults', () => {
    const state = listStateFromSearch(new URLSearchParams('page=0&pageSize=7&monitoringCategory=any'));
    expect(state.page).toBe(1);
    expect(state.pageSize).toBe(20);
    expect(searchFromListState(state).toString()).toBe('monitoringCategory=any');
    expect(listStateFromSearch(searchFromListState({ ...state, page: 2, incomeMin: 0 }))).toMatchObject({ page: 2, incomeMin: 0 });
  });
});

describe('request parameters', () => {
  it('sends the yes/no filter only when on and keeps a zero income bound', () => {
    expect(filterParams({ failingChecks: false, incomeMin: 0, q: '  ' }, '533423')).toEqual({
      region: '533423',
      householdType: undefined,
      monitoringCategory: undefined,
      assistanceStatus: undefined,
      incomeMin: 0,
      incomeMax: undefined,
      failingChecks: undefined,
      problemFlag: undefined,
      q: undefined,
    });
    expect(hasActiveFilters({ failingChecks: false })).toBe(false);
    expect(hasActiveFilters({ incomeMin: 0 })).toBe(true);
  });

  it('builds the export link with the same filters', () => {
    expect(exportUrl({ householdType: 'poverty_exit', failingChecks: true }, '533423101', true)).toBe(
      '/api/households/export?region=533423101&householdType=poverty_exit&failingChecks=true&unmasked=true',
    );
    expect(exportUrl({}, undefined, false)).toBe('/api/households/export?unmasked=false');
  });
});
