import { describe, expect, it } from 'vitest';
import { defaultLineYear, effectiveFen, isStillAdopted, lineRequestBody, proposeLine, yuanText } from './lineForm';

describe('proposeLine', () => {
  it('waits until every field is filled', () => {
    expect(proposeLine('factors', { previousLineYuan: '6000', cpiGrowthPct: 2.6 })).toBeNull();
    expect(proposeLine('dibao_multiple', { dibaoStandardYuan: '', multiple: 2 })).toBeNull();
  });

  it('reproduces Guizhou 2021 by the three factors and keeps the inputs', () => {
    const outcome = proposeLine('factors', { previousLineYuan: '6000', cpiGrowthPct: 2.6, ruralIncomeGrowthPct: 8.2, dibaoGrowthPct: 5 });
    expect(outcome?.ok).toBe(true);
    if (!outcome?.ok) return;
    expect(outcome.proposal.amountFen).toBe(632_000);
    expect(outcome.proposal.method).toBe('factors');
    expect(outcome.proposal.inputs).toMatchObject({ previousLineFen: 600_000, cpiGrowthPct: 2.6, ruralIncomeGrowthPct: 8.2, dibaoGrowthPct: 5 });
    expect(outcome.proposal.explanation).toContain('6,000.00 元');
  });

  it('proposes 2 × the dibao standard (德化 2024: 19,560)', () => {
    const outcome = proposeLine('dibao_multiple', { dibaoStandardYuan: '9,780', multiple: 2 });
    expect(outcome).toMatchObject({ ok: true, proposal: { method: 'dibao_multiple', amountFen: 1_956_000 } });
  });

  it('answers out-of-range values with the core schema message', () => {
    const outcome = proposeLine('factors', { previousLineYuan: '6000', cpiGrowthPct: 200, ruralIncomeGrowthPct: 8, dibaoGrowthPct: 5 });
    expect(outcome).toEqual({ ok: false, message: expect.stringContaining('居民消费价格指数增幅') });
    expect(proposeLine('dibao_multiple', { dibaoStandardYuan: 'abc', multiple: 2 })?.ok).toBe(false);
  });
});

describe('lineRequestBody', () => {
  const adopted = { method: 'factors' as const, amountFen: 632_000, explanation: 'x', inputs: { previousLineFen: 600_000, explanation: 'x' } };

  it('sends the adopted proposal with its inputs, and no blank note', () => {
    expect(lineRequestBody({ year: 2021, amountYuan: '6320', method: 'factors', note: '  ' }, '52', adopted)).toEqual({
      regionCode: '52',
      year: 2021,
      amountYuan: '6320',
      method: 'factors',
      inputs: adopted.inputs,
    });
  });

  it('drops the inputs once the amount or the method was changed', () => {
    expect(lineRequestBody({ year: 2021, amountYuan: '6400', method: 'factors' }, '52', adopted).inputs).toBeUndefined();
    expect(lineRequestBody({ year: 2021, amountYuan: '6320', method: 'manual', note: ' 省定 ' }, '52', adopted)).toEqual({
      regionCode: '52',
      year: 2021,
      amountYuan: '6320',
      method: 'manual',
      note: '省定',
    });
    expect(isStillAdopted({ amountYuan: '6,320.00', method: 'factors' }, adopted)).toBe(true);
    expect(isStillAdopted({ amountYuan: 'x', method: 'factors' }, adopted)).toBe(false);
  });
});

describe('line helpers', () => {
  const effective = [
    { year: 2024, line: { regionCode: '53', year: 2024, amountFen: 870_000 } },
    { year: 2025, line: { regionCode: '533423', year: 2025, amountFen: 900_000 } },
    { year: 2026, line: null },
  ];

  it('reads the line in force and the year to start the form on', () => {
    expect(effectiveFen(effective, 2025)).toBe(900_000);
    expect(effectiveFen(effective, 2026)).toBeNull();
    expect(defaultLineYear(effective, 2025)).toBe(2026);
    expect(defaultLineYear(effective, 2030)).toBe(2030);
    expect(defaultLineYear([], 2026)).toBe(2026);
  });

  it('writes whole yuan without decimals', () => {
    expect(yuanText(870_000)).toBe('8700');
    expect(yuanText(870_050)).toBe('8700.50');
  });
});
