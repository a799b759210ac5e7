import { describe, expect, it } from 'vitest';
import { BULK_STEP_BY_STATUS, bulkGroups, bulkStepFor, caseStateFromSearch, countsByStatus, searchFromCaseState } from './caseList';
import type { CaseSummary } from './types';

const row = (id: string, status: CaseSummary['status'], version = 1) => ({ id, status, version, caseNo: `C-${id}` }) as CaseSummary;

describe('case list state in the address bar', () => {
  it('defaults to my queue, first page, 20 rows', () => {
    expect(caseStateFromSearch(new URLSearchParams())).toEqual({ queue: 'mine', status: undefined, page: 1, pageSize: 20 });
    expect(searchFromCaseState({ queue: 'mine', page: 1, pageSize: 20 }).toString()).toBe('');
  });

  it('round-trips queue, status, page and size, and ignores nonsense', () => {
    const state = caseStateFromSearch(new URLSearchParams('queue=all&status=township_review&page=3&pageSize=50'));
    expect(state).toEqual({ queue: 'all', status: 'township_review', page: 3, pageSize: 50 });
    expect(searchFromCaseState(state).toString()).toBe('queue=all&status=township_review&page=3&pageSize=50');
    expect(caseStateFromSearch(new URLSearchParams('queue=bogus&status=nope&page=-2&pageSize=7'))).toEqual({
      queue: 'mine',
      status: undefined,
      page: 1,
      pageSize: 20,
    });
  });
});

describe('counts', () => {
  it('lists every working state in order, reads int8 text, and hides empty closed outcomes', () => {
    const counts = countsByStatus({ byStatus: { township_review: '4', monitored: 2, eliminated: 0 }, overdue: '3', dueSoon: 1 });
    expect(counts.overdue).toBe(3);
    expect(counts.dueSoon).toBe(1);
    expect(counts.statuses.map((s) => s.status)).not.toContain('eliminated');
    expect(counts.statuses.find((s) => s.status === 'township_review')?.count).toBe(4);
    expect(counts.statuses[0]).toEqual({ status: 'lead', count: 0 });
    expect(countsByStatus({ byStatus: { closed_not_included: 5 }, overdue: 0, dueSoon: 0 }).statuses.at(-1)).toEqual({
      status: 'closed_not_included',
      count: 5,
    });
    expect(countsByStatus(undefined).overdue).toBe(0);
  });
});

describe('bulk steps', () => {
  it('passes a review state only for the role that takes that step', () => {
    expect(bulkStepFor('township_review', ['township_reviewer'])).toBe('township_reviewed');
    expect(bulkStepFor('township_review', ['county_admin'])).toBeNull();
    expect(bulkStepFor('county_approval', ['county_admin'])).toBe('county_approved');
    expect(bulkStepFor('elimination_county_approval', ['county_admin'])).toBe('elimination_county_approved');
    expect(bulkStepFor('county_approval', ['village_clerk', 'viewer'])).toBeNull();
    expect(bulkStepFor('monitored', ['county_admin'])).toBeNull();
    expect(Object.keys(BULK_STEP_BY_STATUS)).toHaveLength(4);
  });

  it('groups the selection by step, in workflow order, with each case version', () => {
    const groups = bulkGroups(
      [row('a', 'elimination_county_approval', 7), row('b', 'county_approval', 3), row('c', 'township_review'), row('d', 'county_approval', 5)],
      ['county_admin'],
    );
    expect(groups).toEqual([
      { step: 'county_approved', items: [{ caseId: 'b', expectedVersion: 3 }, { caseId: 'd', expectedVersion: 5 }] },
      { step: 'elimination_county_approved', items: [{ caseId: 'a', expectedVersion: 7 }] },
    ]);
    expect(bulkGroups([row('a', 'lead')], ['county_admin'])).toEqual([]);
  });
});
