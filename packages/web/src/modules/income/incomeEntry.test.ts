import { describe, expect, it } from 'vitest';
import { currentPeriod, currentRecordOf, incomeBody, itemTextsOf, previewItems } from './incomeEntry';
import type { IncomeRecord } from './types';

describe('income entry helpers', () => {
  it('takes the calendar quarter of today', () => {
    expect(currentPeriod(new Date(2024, 0, 1))).toEqual({ year: 2024, quarter: 1 });
    expect(currentPeriod(new Date(2024, 5, 30))).toEqual({ year: 2024, quarter: 2 });
    expect(currentPeriod(new Date(2024, 11, 31))).toEqual({ year: 2024, quarter: 4 });
  });

  it('turns stored fen into yuan text and leaves zeros blank', () => {
    const texts = itemTextsOf({ items: { wageOther: 1_234_550, businessPlanting: 0 } });
    expect(texts.wageOther).toBe('12345.50');
    expect(texts.businessPlanting).toBe('');
    expect(texts.transferDibao).toBe('');
  });

  it('sends only filled items, trimmed, and a null remark when blank', () => {
    expect(incomeBody('h1', { year: 2024, quarter: 2, items: { wageOther: ' 1,200 ', transferDibao: '  ' }, remark: ' ' })).toEqual({
      householdId: 'h1',
      year: 2024,
      quarter: 2,
      items: { wageOther: '1,200' },
      remark: null,
    });
  });

  it('previews valid amounts only', () => {
    const items = previewItems({ wageOther: '100.5', costOther: 'abc', transferDibao: '-3' });
    expect(items.wageOther).toBe(10_050);
    expect(items.costOther).toBe(0);
    expect(items.transferDibao).toBe(0);
  });

  it('finds the current record of a period, not a replaced revision', () => {
    const base = { year: 2024, quarter: 1 } as IncomeRecord;
    const records = [{ ...base, id: 'old', supersededAt: '2024-04-01' }, { ...base, id: 'new', supersededAt: null }];
    expect(currentRecordOf(records, 2024, 1)?.id).toBe('new');
    expect(currentRecordOf(records, 2024, 2)).toBeUndefined();
  });
});
