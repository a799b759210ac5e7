import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { stepProblemOf } from './stepErrors';

describe('step problems', () => {
  it('lists the workflow reasons of a refused step', () => {
    const error = new ApiError(422, 'case_step_refused', '公示期不足；异议未处理', { reasons: ['公示期不足', '异议未处理'] });
    expect(stepProblemOf(error)).toEqual({ kind: 'refused', message: '公示期不足；异议未处理', reasons: ['公示期不足', '异议未处理'] });
    expect(stepProblemOf(new ApiError(422, 'case_step_refused', '只有县级管理员可以县级审定'))).toMatchObject({ reasons: ['只有县级管理员可以县级审定'] });
  });

  it('tells conflicts and existing cases apart from other errors', () => {
    expect(stepProblemOf(new ApiError(409, 'version_conflict', '已被修改')).kind).toBe('conflict');
    expect(stepProblemOf(new ApiError(409, 'case_exists', '已有案件', { caseId: 'c-1' }))).toEqual({ kind: 'exists', message: '已有案件', caseId: 'c-1' });
    expect(stepProblemOf(new ApiError(500, 'internal', '服务器错误')).kind).toBe('other');
    expect(stepProblemOf(new Error('boom'))).toEqual({ kind: 'other', message: 'boom' });
  });
});
