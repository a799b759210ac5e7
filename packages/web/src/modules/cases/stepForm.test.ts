import { describe, expect, it } from 'vitest';
import type { CaseMeasure } from '@zengshou/core';
import { addDays, buildStepEvent, defaultNoticePeriod, measureUpdateDefaults, noticeLength, riskChoice, stepDefaults, type StepContext } from './stepForm';

const measure = (id: string, status: CaseMeasure['status']): CaseMeasure => ({
  measureId: id,
  category: 'health',
  owner: '张三',
  plannedDate: '2026-04-01',
  status,
  addedAt: '2026-03-01T00:00:00Z',
  beforeIdentification: false,
});

const ctx: StepContext = {
  today: '2026-02-26',
  config: { noticeDays: 5 },
  proposal: { category: 'marginal', riskTypes: ['illness', 'natural_disaster'], disasterSubtype: 'flood' },
  userName: '李四',
  measures: [measure('m-1', 'done'), measure('m-2', 'planned')],
};

describe('step form defaults', () => {
  it('runs a notice from today for exactly the minimum days, across month ends', () => {
    expect(defaultNoticePeriod('2026-02-26', 5)).toEqual({ startDate: '2026-02-26', endDate: '2026-03-02' });
    expect(stepDefaults('notice_started', ctx)).toEqual({ startDate: '2026-02-26', endDate: '2026-03-02' });
    expect(stepDefaults('elimination_notice_started', { ...ctx, config: { noticeDays: 7 } }).endDate).toBe('2026-03-04');
    expect(noticeLength('2026-02-26', '2026-03-02')).toBe(5);
    expect(noticeLength('2026-03-01', undefined)).toBeNull();
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('pre-fills the county approval from the village proposal', () => {
    expect(stepDefaults('county_approved', ctx)).toEqual({
      decision: 'approve',
      category: 'marginal',
      riskTypes: ['illness', 'natural_disaster'],
      disasterSubtype: 'flood',
      note: '',
    });
    expect(stepDefaults('county_approved', { ...ctx, proposal: null })).toMatchObject({ decision: 'approve', category: undefined, riskTypes: [] });
  });

  it('makes the signed-in cadre the owner of a new measure, and moves the first open measure on', () => {
    expect(stepDefaults('measure_added', ctx)).toEqual({ owner: '李四', plannedDate: '2026-03-28' });
    expect(stepDefaults('measure_updated', ctx)).toEqual({ measureId: 'm-2', measureStatus: 'in_progress', actualDate: '2026-02-26' });
    expect(measureUpdateDefaults(measure('m-3', 'in_progress'), '2026-02-26').measureStatus).toBe('done');
    expect(stepDefaults('township_reviewed', ctx)).toEqual({ decision: 'pass', note: '' });
    expect(stepDefaults('elimination_proposed', ctx)).toEqual({ way: 'through_help' });
  });
});

describe('step event bodies', () => {
  it('drops a disaster sub-type left behind without 因自然灾害, and refuses more than five risks', () => {
    expect(riskChoice(['illness'], 'flood').subtype).toBeUndefined();
    expect(riskChoice(['natural_disaster'], undefined).needsSubtype).toBe(true);
    const six = ['illness', 'disability', 'schooling', 'accident', 'business_failure', 'other'] as const;
    expect(riskChoice([...six], undefined).problems[0]?.message).toBe('风险类型最多选择 5 项');
  });

  it('builds the home check with the village proposal only when including', () => {
    const include = buildStepEvent(
      'home_checked',
      { commitmentSigned: true, authorisationSigned: true, finding: 'include', note: ' 因病支出大 ', category: 'marginal', riskTypes: ['illness'], disasterSubtype: 'flood' },
      'x',
    );
    expect(include).toEqual({
      ok: true,
      event: {
        type: 'home_checked',
        commitmentSigned: true,
        authorisationSigned: true,
        finding: 'include',
        note: '因病支出大',
        proposedCategory: 'marginal',
        proposedRiskTypes: ['illness'],
      },
    });
    const exclude = buildStepEvent('home_checked', { finding: 'not_include', note: '收入稳定', category: 'marginal', riskTypes: ['illness'] }, 'x');
    expect(exclude).toEqual({
      ok: true,
      event: { type: 'home_checked', commitmentSigned: false, authorisationSigned: false, finding: 'not_include', note: '收入稳定' },
    });
  });

  it('requires a category, risks and the disaster type to approve, nothing to reject', () => {
    const missing = buildStepEvent('county_approved', { decision: 'approve', riskTypes: ['natural_disaster'] }, 'x');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems.map((p) => p.field)).toEqual(['category', 'disasterSubtype']);
    expect(buildStepEvent('county_approved', { decision: 'reject', category: 'marginal', riskTypes: ['illness'] }, 'x')).toEqual({
      ok: true,
      event: { type: 'county_approved', decision: 'reject' },
    });
    expect(
      buildStepEvent('county_approved', { decision: 'approve', category: 'unstable', riskTypes: ['natural_disaster'], disasterSubtype: 'drought', note: '' }, 'x'),
    ).toEqual({ ok: true, event: { type: 'county_approved', decision: 'approve', category: 'unstable', riskTypes: ['natural_disaster'], disasterSubtype: 'drought' } });
  });

  it('turns yuan into fen for a measure and uses the client measure id', () => {
    expect(buildStepEvent('measure_added', { measureCategory: 'health', owner: '李四', plannedDate: '2026-04-01', amountYuan: '1,200.5' }, 'uuid-1')).toEqual({
      ok: true,
      event: { type: 'measure_added', measureId: 'uuid-1', category: 'health', owner: '李四', plannedDate: '2026-04-01', amountFen: 120050 },
    });
    const bad = buildStepEvent('measure_added', { measureCategory: 'health', owner: ' ', plannedDate: '2026-04-01', amountYuan: '1.234' }, 'u');
    expect(bad.ok ? [] : bad.problems.map((p) => p.field)).toEqual(['owner', 'amountYuan']);
  });

  it('asks for a return reason, a completion date and a rollback reason', () => {
    expect(buildStepEvent('township_reviewed', { decision: 'return', note: ' ' }, 'x').ok).toBe(false);
    expect(buildStepEvent('elimination_township_reviewed', { decision: 'pass' }, 'x')).toEqual({
      ok: true,
      event: { type: 'elimination_township_reviewed', decision: 'pass', note: '' },
    });
    expect(buildStepEvent('measure_updated', { measureId: 'm-2', measureStatus: 'done' }, 'x').ok).toBe(false);
    expect(buildStepEvent('measure_updated', { measureId: 'm-2', measureStatus: 'in_progress', actualDate: '2026-02-26' }, 'x')).toEqual({
      ok: true,
      event: { type: 'measure_updated', measureId: 'm-2', status: 'in_progress' },
    });
    expect(buildStepEvent('elimination_rolled_back', { reason: '' }, 'x').ok).toBe(false);
    expect(buildStepEvent('notice_finished', { objections: 2 }, 'x')).toEqual({ ok: true, event: { type: 'notice_finished', objections: 2 } });
    expect(buildStepEvent('elimination_proposed', { way: 'natural' }, 'x')).toEqual({ ok: true, event: { type: 'elimination_proposed', way: 'natural' } });
  });
});
