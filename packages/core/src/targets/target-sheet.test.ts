import { describe, expect, it } from 'vitest';
import { columnLetter, mapTargetSheetHeaders, parseTargetSheetRow, TARGET_SHEET_COLUMNS } from './target-sheet.ts';

describe('target sheet', () => {
  it('maps headers with or without units, full-width or not, and names what is missing', () => {
    const headers = TARGET_SHEET_COLUMNS.map((c) => c.header);
    expect(mapTargetSheetHeaders(headers).missing).toEqual([]);
    expect(mapTargetSheetHeaders(headers).keys).toEqual(TARGET_SHEET_COLUMNS.map((c) => c.key));
    const loose = mapTargetSheetHeaders(['区划代码', '年度', '人均纯收入', '工资性收入(元)', '其他']);
    expect(loose.keys).toEqual(['regionCode', 'year', 'perCapita', 'wageYuan', null]);
    expect(mapTargetSheetHeaders(['区划代码', '备注']).missing).toEqual(['年度', '人均纯收入（元）']);
  });

  it('gives Excel column letters', () => {
    expect([0, 25, 26, 27, 51, 52].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });

  it('reads a seed 004 row: yuan, percent as number or text, 基数', () => {
    const r = parseTargetSheetRow({
      regionCode: '533423', year: 2021, kind: '基数', perCapita: 13847, businessYuan: 3747, businessShare: 27.06,
      wageYuan: '7,913', wageShare: '57.15%', propertyYuan: 524, propertyShare: 3.78, transferYuan: 1663, transferShare: '12.01',
      growth: 6.58, source: '维西县方案', note: '',
    });
    expect(r).toEqual({
      ok: true,
      value: {
        regionCode: '533423', year: 2021, base: true, perCapitaNetFen: 1_384_700,
        partsFen: { wage: 791_300, business: 374_700, property: 52_400, transfer: 166_300 },
        growthRate: 0.0658, source: '维西县方案', note: null,
      },
    });
  });

  it('keeps source and note as written, and refuses a year out of range', () => {
    const r = parseTargetSheetRow({ regionCode: '533423', year: 2025, perCapita: 100, note: ' 推算值（非方案原数） ' });
    expect(r.ok && r.value.note).toBe('推算值（非方案原数）');
    expect(parseTargetSheetRow({ regionCode: '533423', year: 1999, perCapita: 100 })).toEqual({ ok: false, errors: [{ column: '年度', message: '1999 小于最小值 2000' }] });
  });

  it('converts a share given without an amount', () => {
    const r = parseTargetSheetRow({ regionCode: '533401', year: 2024, perCapita: '25185', wageShare: 55.3 });
    expect(r.ok && r.value.partsFen).toEqual({ wage: 1_392_731, business: null, property: null, transfer: null });
  });

  it('reports every bad cell by column', () => {
    const r = parseTargetSheetRow({ regionCode: '5334', year: '二〇二四', kind: '计划', perCapita: '', wageYuan: '1.234', growthShare: 'x' } as never);
    expect(r).toEqual({
      ok: false,
      errors: [
        { column: '年度', message: '"二〇二四"不是整数' },
        { column: '类型（目标/基数）', message: '类型应为"目标"或"基数"，不是"计划"' },
        { column: '人均纯收入（元）', message: '请填写人均纯收入' },
        { column: '工资性收入（元）', message: '金额最多保留两位小数：1.234' },
      ],
    });
    expect(parseTargetSheetRow({ year: 2024, perCapita: 100 })).toEqual({ ok: false, errors: [{ column: '区划代码', message: '请填写区划代码' }] });
  });

  it('names the column of a consistency problem', () => {
    const r = parseTargetSheetRow({ regionCode: '533423', year: 2024, perCapita: 1000, wageYuan: 500, wageShare: 40 });
    expect(r).toEqual({ ok: false, errors: [{ column: '工资性收入占比（%）', message: '工资性收入 500.00 元 占人均纯收入的 50.00%，与填写的占比 40.00% 不一致' }] });
    const s = parseTargetSheetRow({ regionCode: '533423', year: 2024, perCapita: 1000, wageYuan: 500, businessYuan: 400, propertyYuan: 0, transferYuan: 0 });
    expect(s.ok ? [] : s.errors.map((e) => e.column)).toEqual(['人均纯收入（元）']);
  });
});
