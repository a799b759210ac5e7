import { describe, expect, it } from 'vitest';
import { changedPaths, formFieldOf, planErrorsFromServerDetails, planFormValuesOf, planRequestBody, suggestedTargetFen, yuanText, type PlanFormValues } from './planForm';
import type { PlanDetail } from './types';

const values = (over: Partial<PlanFormValues> = {}): PlanFormValues => ({
  cadreName: ' 和建华 ',
  cadrePhone: '',
  targetYear: 2026,
  targetYuan: '12,000',
  parts: { wage: '7000.5', business: '', property: undefined, transfer: '' },
  measures: [{ text: ' 护林员岗位 ', category: 'public_welfare_job' }, { text: '种植中药材' }],
  progressNote: '  ',
  ...over,
});

const detail = (over: Partial<PlanDetail> = {}): PlanDetail => ({
  household: { id: 'h1', householdNo: 'H-1', headName: '和一', villageCode: '533423101001', villageName: '村', townshipName: '镇', householdType: 'poverty_exit' },
  income: { latest: { year: 2025, quarter: 4, perCapitaAnnualFen: 800_000, partsPerCapitaAnnualFen: { wage: 800_000, business: 0, property: 0, transfer: 0 } }, previousPerCapitaAnnualFen: null, changeFen: null },
  groups: ['low_income'],
  lowIncomeThresholdFen: 1_000_000,
  plan: null,
  revisions: [],
  statusEvents: [],
  ...over,
});

describe('planRequestBody: yuan as typed → fen', () => {
  it('converts exactly, blanks to "not set", trims, and leaves the phone out (keep) when blank', () => {
    const out = planRequestBody(values(), 3);
    expect(out).toEqual({
      ok: true,
      body: {
        version: 3,
        cadreName: '和建华',
        targetYear: 2026,
        targetPerCapitaFen: 1_200_000,
        partTargetsFen: { wage: 700_050, business: null, property: null, transfer: null },
        measures: [{ text: '护林员岗位', category: 'public_welfare_job' }, { text: '种植中药材', category: null }],
      },
    });
  });

  it('accepts full-width digits and ¥, sends a new phone, a clear, and a progress note', () => {
    const out = planRequestBody(values({ targetYuan: '￥１２０００.１０', cadrePhone: '139 8765 4321', progressNote: ' 已上岗 ' }), 0);
    expect(out.ok && out.body).toMatchObject({ targetPerCapitaFen: 1_200_010, cadrePhone: '139 8765 4321', progressNote: '已上岗' });
    const cleared = planRequestBody(values({ cadrePhone: '13987654321', clearPhone: true }), 1);
    expect(cleared.ok && cleared.body.cadrePhone).toBeNull();
  });

  it('puts the money parser’s Chinese messages under the field that was typed', () => {
    const out = planRequestBody(values({ targetYuan: '1.005', parts: { wage: 'abc' } }), 0);
    expect(out).toEqual({
      ok: false,
      fieldErrors: [
        { name: ['targetYuan'], errors: ['金额最多保留两位小数：1.005'] },
        { name: ['parts', 'wage'], errors: ['金额格式不正确：abc'] },
      ],
      formErrors: [],
    });
    expect(planRequestBody(values({ targetYuan: ' ' }), 0)).toMatchObject({ ok: false, fieldErrors: [{ name: ['targetYuan'], errors: ['请填写人均纯收入目标'] }] });
  });

  it('runs core’s schema: the same messages as the server, under the form’s fields', () => {
    const out = planRequestBody(values({ cadreName: '', measures: [{ text: '' }], targetYear: null }), 0);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    const byField = Object.fromEntries(out.fieldErrors.map((e) => [JSON.stringify(e.name), e.errors[0]]));
    expect(byField).toMatchObject({
      '["cadreName"]': '请填写包保干部姓名',
      '["targetYear"]': '请填写目标年度',
      '["measures",0,"text"]': '请填写帮扶措施内容',
    });
    const none = planRequestBody(values({ measures: [] }), 0);
    expect(none).toMatchObject({ ok: false, formErrors: ['请至少填写一条帮扶措施'] });
    const sum = planRequestBody(values({ parts: { wage: '5000', business: '3000', property: '0', transfer: '1000' } }), 0);
    expect(sum).toMatchObject({ ok: false, fieldErrors: [{ name: ['targetYuan'], errors: ['四项分项目标合计 9,000.00 元，低于人均纯收入目标 12,000.00 元'] }] });
  });
});

describe('planFormValuesOf', () => {
  it('opens a new plan on a suggested target, this year and one blank measure', () => {
    expect(planFormValuesOf(detail(), 2026)).toEqual({ cadreName: '', cadrePhone: '', targetYear: 2026, targetYuan: '10000', parts: {}, measures: [{ text: '', category: null }], progressNote: '' });
  });

  it('round-trips a stored plan: what the form shows is what it sends back', () => {
    const stored = detail({
      plan: {
        id: 'p1', version: 4, status: 'open', statusChangedAt: '', ledgerGroups: ['low_income'], cadreName: '李红梅', cadrePhone: '139****4321',
        targetYear: 2026, targetPerCapitaFen: 1_234_567, partTargetsFen: { wage: 700_001, business: null, property: 0, transfer: 534_566 },
        measures: [{ text: '务工', category: 'employment' }], check: { met: false, gapFen: 1, unmetParts: [] }, overdue: false, progress: [], createdAt: '', updatedAt: '',
      },
    });
    const form = planFormValuesOf(stored, 2026);
    expect(form).toMatchObject({ targetYuan: '12345.67', parts: { wage: '7000.01', business: '', property: '0', transfer: '5345.66' }, cadrePhone: '' });
    const out = planRequestBody({ ...form, progressNote: '' }, stored.plan!.version);
    expect(out).toEqual({
      ok: true,
      body: { version: 4, cadreName: '李红梅', targetYear: 2026, targetPerCapitaFen: 1_234_567, partTargetsFen: stored.plan!.partTargetsFen, measures: stored.plan!.measures },
    });
  });
});

describe('suggestedTargetFen', () => {
  it('aims at the threshold, or last year’s level when higher, or 10 % above an income already past both', () => {
    expect(suggestedTargetFen(detail())).toBe(1_000_000);
    expect(suggestedTargetFen(detail({ income: { latest: null, previousPerCapitaAnnualFen: 1_234_500, changeFen: null } }))).toBe(1_240_000);
    const high = detail({ income: { latest: { year: 2025, quarter: 4, perCapitaAnnualFen: 1_500_000, partsPerCapitaAnnualFen: { wage: 0, business: 0, property: 0, transfer: 0 } }, previousPerCapitaAnnualFen: 1_400_000, changeFen: 100_000 } });
    expect(suggestedTargetFen(high)).toBe(1_650_000);
  });
});

describe('yuanText and error placement', () => {
  it('writes fen as plain yuan for the form', () => {
    expect(yuanText(1_200_000)).toBe('12000');
    expect(yuanText(1_200_050)).toBe('12000.50');
    expect(yuanText(null)).toBe('');
  });

  it('maps body paths (server details) onto the form', () => {
    expect(formFieldOf(['partTargetsFen', 'business'])).toEqual(['parts', 'business']);
    expect(formFieldOf(['partTargetsFen'])).toEqual(['targetYuan']);
    expect(formFieldOf(['measures', 2, 'category'])).toEqual(['measures', 2, 'category']);
    expect(formFieldOf(['status'])).toBeNull();
    expect(planErrorsFromServerDetails([{ path: '/targetYear', message: '目标年度不能早于 2026 年' }, { path: '', message: '输入有误' }, 'junk'])).toEqual({
      fieldErrors: [{ name: ['targetYear'], errors: ['目标年度不能早于 2026 年'] }],
      formErrors: ['输入有误'],
    });
  });
});

describe('changedPaths', () => {
  it('names the edited leaves, including one row of a list', () => {
    expect(changedPaths({ cadreName: 'x' })).toEqual([['cadreName']]);
    expect(changedPaths({ parts: { wage: '1' } })).toEqual([['parts', 'wage']]);
    expect(changedPaths({ measures: [undefined, { text: 'a' }] })).toEqual([['measures', 1, 'text']]);
    expect(changedPaths({ measures: [] })).toEqual([['measures']]);
  });
});
