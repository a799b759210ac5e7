import { describe, expect, it } from 'vitest';
import { changesNothing, exportFileName, exportIsMasked, exportUrl, isJobFinished, nextStep, summaryLines } from './exchangeView';
import type { ExchangeSummary } from './types';

const summary = (over: Partial<ExchangeSummary> = {}): ExchangeSummary => ({
  rowsRead: 43,
  rowsBad: 0,
  households: { inserted: 6, updated: 0, unchanged: 0 },
  members: { inserted: 10, updated: 1, unchanged: 2 },
  income: { newPeriods: 21, revised: 3, unchanged: 0, toVerify: 1 },
  cases: { inserted: 6, unchanged: 2 },
  ...over,
});

describe('exchange view', () => {
  it('builds the export address from the picked region', () => {
    expect(exportUrl('533423101')).toBe('/api/exchange/national.xlsx?region=533423101');
    expect(exportFileName('保和镇', '2026-03-02')).toBe('国家系统格式交换-保和镇-2026-03-02.xlsx');
  });

  it('warns that the export is masked for users without personal:unmask', () => {
    expect(exportIsMasked(['registry:export'])).toBe(true);
    expect(exportIsMasked(['registry:export', 'personal:unmask'])).toBe(false);
  });

  it('offers the next step from the job', () => {
    expect(nextStep({ status: 'running', dryRun: true, rowsBad: 0 })).toBe('wait');
    expect(nextStep({ status: 'succeeded', dryRun: true, rowsBad: 0 })).toBe('apply');
    expect(nextStep({ status: 'failed', dryRun: true, rowsBad: 3 })).toBe('fix');
    expect(nextStep({ status: 'succeeded', dryRun: false, rowsBad: 0 })).toBe('applied');
    expect(nextStep({ status: 'rejected', dryRun: true, rowsBad: 0 })).toBe('refused');
    expect(isJobFinished({ status: 'running' })).toBe(false);
    expect(isJobFinished({ status: 'failed' })).toBe(true);
  });

  it('summarises per entity, with no "changed" count for monitoring records', () => {
    expect(summaryLines(summary()).map((l) => [l.added, l.changed, l.unchanged])).toEqual([[6, 0, 0], [10, 1, 2], [21, 3, 0], [6, null, 2]]);
  });

  it('knows when a file would change nothing', () => {
    expect(changesNothing(summary())).toBe(false);
    expect(changesNothing(summary({
      households: { inserted: 0, updated: 0, unchanged: 6 }, members: { inserted: 0, updated: 0, unchanged: 10 },
      income: { newPeriods: 0, revised: 0, unchanged: 21, toVerify: 0 }, cases: { inserted: 0, unchanged: 6 },
    }))).toBe(true);
  });
});
