import { describe, expect, it } from 'vitest';
import { historyChanges } from './historyDiff';
import { sortedChanges } from './historyFields';

describe('historyChanges', () => {
  it('lists only the fields whose value changed', () => {
    expect(
      historyChanges({ address: '一组', relocated: false, phone: null }, { address: '二组', relocated: false, phone: '(已填写)' }),
    ).toEqual([
      { field: 'address', before: '一组', after: '二组' },
      { field: 'phone', before: null, after: '(已填写)' },
    ]);
  });

  it('lists the filled-in values of a creation and nothing for empty entries', () => {
    expect(historyChanges(null, { year: 2024, quarter: 2, wageOther: 1_200_000, wagePublicWelfare: 0, remark: '' })).toEqual([
      { field: 'year', before: undefined, after: 2024 },
      { field: 'quarter', before: undefined, after: 2 },
      { field: 'wageOther', before: undefined, after: 1_200_000 },
    ]);
    expect(historyChanges(null, null)).toEqual([]);
  });
});

describe('sortedChanges', () => {
  it('puts household and member fields before income items and drops omitted ones', () => {
    const changes = [{ field: 'transferDibao' }, { field: 'quarter' }, { field: 'wageOther' }, { field: 'status' }, { field: 'unknown' }];
    expect(sortedChanges(changes, ['quarter']).map((c) => c.field)).toEqual(['status', 'wageOther', 'transferDibao', 'unknown']);
  });
});
