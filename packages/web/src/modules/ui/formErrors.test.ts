import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/ApiError';
import { fieldErrorsFromIssues, fieldErrorsFromServer } from './formErrors';

describe('form errors', () => {
  it('groups schema issues by field path and drops form-level ones', () => {
    expect(
      fieldErrorsFromIssues([
        { path: ['idNumber'], message: '身份证号校验位不正确' },
        { path: ['items', 'wageOther'], message: '金额格式不正确' },
        { path: ['idNumber'], message: '身份证号校验位不正确' },
        { path: [], message: '整体错误' },
      ]),
    ).toEqual([
      { name: ['idNumber'], errors: ['身份证号校验位不正确'] },
      { name: ['items', 'wageOther'], errors: ['金额格式不正确'] },
    ]);
  });

  it('reads the field paths of a server 400 and ignores other errors', () => {
    const error = new ApiError(400, 'validation_failed', '输入有误', [
      { path: '/idNumber', message: '校验位不正确' },
      { path: '/items/wageOther', message: '金额格式不正确' },
      { path: '', message: 'x' },
    ]);
    expect(fieldErrorsFromServer(error)).toEqual([
      { name: ['idNumber'], errors: ['校验位不正确'] },
      { name: ['items', 'wageOther'], errors: ['金额格式不正确'] },
    ]);
    expect(fieldErrorsFromServer(new ApiError(409, 'version_conflict', '冲突', [{ path: '/name', message: 'y' }]))).toEqual([]);
    expect(fieldErrorsFromServer(new Error('x'))).toEqual([]);
  });
});
