import { describe, expect, it } from 'vitest';
import { eliminationProgress, identificationProgress, showsEliminationPath } from './caseProgress';

describe('case progress bars', () => {
  it('follows identification step by step and finishes once monitored', () => {
    expect(identificationProgress('lead', [])).toEqual({ current: 0, status: 'process' });
    expect(identificationProgress('in_notice', [])).toEqual({ current: 2, status: 'process' });
    expect(identificationProgress('county_approval', [])).toEqual({ current: 4, status: 'process' });
    expect(identificationProgress('monitored', [])).toEqual({ current: 5, status: 'finish' });
    expect(identificationProgress('eliminated', [])).toEqual({ current: 5, status: 'finish' });
  });

  it('marks a closed case at the step that closed it', () => {
    const homeCheck = [{ type: 'lead_opened' as const, data: {} }, { type: 'home_checked' as const, data: { finding: 'not_include' } }];
    expect(identificationProgress('closed_not_included', homeCheck)).toEqual({ current: 1, status: 'error' });
    const rejected = [...homeCheck, { type: 'county_approved' as const, data: { decision: 'reject' } }];
    expect(identificationProgress('closed_not_included', rejected)).toEqual({ current: 4, status: 'error' });
  });

  it('waits on the elimination path until a proposal, and shows it only after inclusion', () => {
    expect(eliminationProgress('monitored')).toEqual({ current: -1, status: 'wait' });
    expect(eliminationProgress('elimination_in_notice')).toEqual({ current: 1, status: 'process' });
    expect(eliminationProgress('eliminated')).toEqual({ current: 4, status: 'finish' });
    expect(showsEliminationPath('township_review')).toBe(false);
    expect(showsEliminationPath('monitored')).toBe(true);
    expect(showsEliminationPath('closed_not_included')).toBe(false);
  });
});
