import { describe, expect, it } from 'vitest';
import {
  formatPercent, parsePercent, percentText, targetErrorsFromServerDetails, targetFormValuesOf, targetRequestBody, yearOptions, yuanText,
  type TargetFormValues,
} from './targetForm';
import type { IncomeTargetView } from './types';

// Seed 004's 2022 column for Weixi.
const view: IncomeTargetView = {
  id: 7, regionCode: '533423', regionName: '维西傈僳族自治县', year: 2022, version: 3, base: false, perCapitaNetFen: 1_633_946,
  partsFen: { wage: 816_973, business: 578_744, property: 59_149, transfer: 179_080 },
  partShares: { wage: 0.5, business: 0.3542, property: 0.0362, transfer: 0.1096 },
  growthRate: 0.18, derivedGrowthRate: 0.18, source: '维西县方案', note: null, setByName: '演示数据', setAt: '2026-03-02T01:00:00.000Z',
};

const blankParts = { wage: { yuan: '', sharePct: '' }, business: { yuan: '', sharePct: '' }, property: { yuan: '', sharePct: '' }, transfer: { yuan: '', sharePct: '' } };

describe('target form', () => {
  it('formats amounts, shares and rates', () => {
    expect(yuanText(1_384_700)).toBe('13847');
    expect(yuanText(1_633_946)).toBe('16339.46');
    expect(yuanText(null)).toBe('');
    expect(percentText(0.0658)).toBe('6.58');
    expect(percentText(0.553)).toBe('55.3');
    expect(formatPercent(0.3542)).toBe('35.42%');
    expect(formatPercent(-0.035)).toBe('-3.50%');
    expect(formatPercent(null)).toBe('—');
    expect(yearOptions(2026)).toEqual([2029, 2028, 2027, 2026, 2025, 2024, 2023, 2022, 2021]);
  });

  it('parses percentages, full-width too', () => {
    expect(parsePercent('35.42')).toEqual({ ok: true, value: 0.3542 });
    expect(parsePercent(' 55.3% ')).toEqual({ ok: true, value: 0.553 });
    expect(parsePercent('１８％')).toEqual({ ok: true, value: 0.18 });
    expect(parsePercent('')).toEqual({ ok: true, value: null });
    expect(parsePercent('十八')).toEqual({ ok: false, message: '请填写百分数，如 18 或 18.5' });
  });

  it('round-trips a stored target through the form unchanged', () => {
    const values = targetFormValuesOf(view, { regionCode: '533423', year: 2026 });
    expect(values.perCapitaYuan).toBe('16339.46');
    expect(values.parts.business.yuan).toBe('5787.44');
    expect(values.growthPct).toBe('18');
    const out = targetRequestBody(values, view.version);
    expect(out).toEqual({
      ok: true, region: '533423', year: 2022,
      body: {
        version: 3, base: false, perCapitaNetFen: 1_633_946, partsFen: view.partsFen,
        partShares: { wage: null, business: null, property: null, transfer: null }, growthRate: 0.18, source: '维西县方案', note: null,
      },
    });
  });

  it('sends a share typed instead of an amount as a share', () => {
    const values: TargetFormValues = {
      ...targetFormValuesOf(null, { regionCode: '533401', year: 2024 }), perCapitaYuan: '25,185', parts: { ...blankParts, wage: { yuan: '', sharePct: '55.3' } }, growthPct: '10',
    };
    const out = targetRequestBody(values, 0);
    expect(out.ok && out.body.partShares).toEqual({ wage: 0.553, business: null, property: null, transfer: null });
    expect(out.ok && out.body.perCapitaNetFen).toBe(2_518_500);
  });

  it('puts each problem under its field, with core\'s Chinese messages', () => {
    const values: TargetFormValues = {
      ...targetFormValuesOf(null, { regionCode: '', year: 1999 }), perCapitaYuan: '1.234', parts: { ...blankParts, wage: { yuan: '', sharePct: 'x' } },
    };
    const out = targetRequestBody(values, 0);
    expect(out).toEqual({
      ok: false, formErrors: [],
      fieldErrors: [
        { name: ['regionCode'], errors: ['请选择地区'] },
        { name: ['year'], errors: ['年度应在 2000 至 2100 年之间'] },
        { name: ['perCapitaYuan'], errors: ['金额最多保留两位小数：1.234'] },
        { name: ['parts', 'wage', 'sharePct'], errors: ['请填写百分数，如 18 或 18.5'] },
      ],
    });
    const sum = targetRequestBody({ ...targetFormValuesOf(view, { regionCode: '533423', year: 2022 }), perCapitaYuan: '20000' }, 3);
    expect(sum).toEqual({ ok: false, formErrors: [], fieldErrors: [{ name: ['perCapitaYuan'], errors: ['四项收入合计 16,339.46 元，与人均纯收入 20,000.00 元 相差超过 1 元'] }] });
  });

  it('maps the server\'s details to fields', () => {
    expect(targetErrorsFromServerDetails([{ path: '/partShares/wage', message: '占比不一致' }, { path: '', message: '整体' }, 'junk'])).toEqual({
      fieldErrors: [{ name: ['parts', 'wage', 'sharePct'], errors: ['占比不一致'] }],
      formErrors: ['整体'],
    });
  });
});
