import { describe, expect, it } from 'vitest';
import { isFinished, progressPercent, progressStatus } from './importProgress';

describe('import progress', () => {
  it('is indeterminate while the total is unknown', () => {
    expect(progressPercent({ status: 'running', rowsDone: 500, rowsTotal: null })).toBeNull();
    expect(progressPercent({ status: 'running', rowsDone: 500, rowsTotal: 0 })).toBeNull();
  });

  it('never shows 100 % while running, always when finished', () => {
    expect(progressPercent({ status: 'running', rowsDone: 250, rowsTotal: 1000 })).toBe(25);
    expect(progressPercent({ status: 'running', rowsDone: 1200, rowsTotal: 1000 })).toBe(99);
    expect(progressPercent({ status: 'rejected', rowsDone: 10, rowsTotal: 1000 })).toBe(100);
  });

  it('maps the job status to the bar status', () => {
    expect(progressStatus({ status: 'running' })).toBe('active');
    expect(progressStatus({ status: 'succeeded' })).toBe('success');
    expect(progressStatus({ status: 'failed' })).toBe('exception');
    expect(isFinished({ status: 'interrupted' })).toBe(true);
  });
});
