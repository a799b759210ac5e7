import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_TYPE, MONITORING_CATEGORY } from '../registry/registry-enums.ts';
import { DEFAULT_CASE_CONFIG, replay, type CaseActor } from '../cases/case-workflow.ts';
import {
  enumCell, parseCountCell, parseDayCell, parseEnumCell, parseMonthCell, readTextCell, textCell, yuanCell,
} from './exchange-cells.ts';
import { caseDataCells, caseRowFromState, parseCaseRow, synthesizeCaseHistory, type ExchangeCaseRow } from './exchange-cases.ts';
import { CASE_SHEET, EXCHANGE_SHEETS, INCOME_SHEET, exchangeSheetByName } from './national-layout.ts';

describe('exchange cells', () => {
  it('yuan ↔ fen: two decimals as a number cell', () => {
    expect(yuanCell(123_456)).toBe(1234.56);
    expect(yuanCell(5)).toBe(0.05);
    expect(yuanCell(0)).toBe(0);
    expect(yuanCell(null)).toBe('');
  });

  it('enum labels ↔ codes, refusing an unknown label with the choices', () => {
    expect(enumCell(HOUSEHOLD_TYPE, 'poverty_exit')).toBe('脱贫户');
    expect(parseEnumCell(HOUSEHOLD_TYPE, '脱贫户', true)).toEqual({ ok: true, value: 'poverty_exit' });
    expect(parseEnumCell(MONITORING_CATEGORY, '边缘户', true)).toEqual({ ok: true, value: 'marginal' });
    expect(parseEnumCell(HOUSEHOLD_TYPE, '', false)).toEqual({ ok: true, value: null });
    expect(parseEnumCell(HOUSEHOLD_TYPE, '', true)).toEqual({ ok: false, reason: '必填项为空' });
    const r = parseEnumCell(HOUSEHOLD_TYPE, '富裕户', true);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('“富裕户”不是可选值，可选：脱贫户、一般农户、脱贫不享受政策户');
  });

  it('dates in the spellings counties use; an impossible day is refused', () => {
    expect(parseDayCell('2025-01-12', true)).toEqual({ ok: true, value: '2025-01-12' });
    expect(parseDayCell('2025/1/2', true)).toEqual({ ok: true, value: '2025-01-02' });
    expect(parseDayCell('2025年1月2日', true)).toEqual({ ok: true, value: '2025-01-02' });
    expect(parseDayCell('20250102', true)).toEqual({ ok: true, value: '2025-01-02' });
    expect(parseDayCell(new Date(Date.UTC(2024, 1, 29)), true)).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDayCell('2025-02-29', true)).toEqual({ ok: false, reason: '“2025-02-29”不是有效的日期' });
    // A date cell read without styles is its serial number: 45669 is 2025-01-12; a fraction or 1900 is not a date here.
    expect(parseDayCell(45669, true)).toEqual({ ok: true, value: '2025-01-12' });
    expect(parseDayCell(45669.5, true).ok).toBe(false);
    expect(parseDayCell(12, true).ok).toBe(false);
    expect(parseDayCell('', false)).toEqual({ ok: true, value: null });
  });

  it('months', () => {
    expect(parseMonthCell('2025-07', true)).toEqual({ ok: true, value: '2025-07' });
    expect(parseMonthCell('2025年7月', true)).toEqual({ ok: true, value: '2025-07' });
    expect(parseMonthCell('202507', true)).toEqual({ ok: true, value: '2025-07' });
    expect(parseMonthCell(202507, true)).toEqual({ ok: true, value: '2025-07' });
    expect(parseMonthCell('2025-13', true)).toEqual({ ok: false, reason: '“2025-13”的月份不在 1–12 之间' });
    expect(parseMonthCell('', true)).toEqual({ ok: false, reason: '必填项为空' });
  });

  it('measure counts', () => {
    expect(parseCountCell('')).toEqual({ ok: true, value: 0 });
    expect(parseCountCell(2)).toEqual({ ok: true, value: 2 });
    expect(parseCountCell('1.5').ok).toBe(false);
    expect(parseCountCell(-1).ok).toBe(false);
  });

  it('text: formula-looking text is neutralised on export and restored on import', () => {
    expect(textCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(readTextCell(textCell('-和某'))).toBe('-和某');
    expect(readTextCell("'普通")).toBe("'普通");
  });
});

describe('layout', () => {
  it('has unique headers per sheet and unique sheet names', () => {
    for (const s of EXCHANGE_SHEETS) expect(new Set(s.columns.map((c) => c.header)).size).toBe(s.columns.length);
    expect(exchangeSheetByName(' 监测信息 ')).toBe(CASE_SHEET);
  });

  it('lists every income sub-item with its wheel total in front', () => {
    const headers = INCOME_SHEET.columns.map((c) => c.header);
    const wage = headers.indexOf('工资性收入（元）');
    expect(headers.slice(wage, wage + 3)).toEqual(['工资性收入（元）', '公益性岗位收入（元）', '务工等其他工资性收入（元）']);
    expect(INCOME_SHEET.columns.filter((c) => c.key && !['householdNo', 'villageCode', 'year', 'quarter', 'remark'].includes(c.key))).toHaveLength(21);
  });
});

const clerk: CaseActor = { userId: 'u1', roles: ['village_clerk'] };
const reviewer: CaseActor = { userId: 'u1', roles: ['township_reviewer'] };
const county: CaseActor = { userId: 'u1', roles: ['county_admin'] };
const actors = { clerk, reviewer, county };

function cellsOf(row: Partial<Record<string, unknown>>) {
  return (key: string) => row[key];
}

describe('monitoring rows', () => {
  const base = { householdNo: 'H-1', villageCode: '533423101001' };

  it('parses a monitored household with two risks and measures', () => {
    const r = parseCaseRow(base, cellsOf({ category: '边缘易致贫户', identifiedOn: '2025-01-12', risk1: '因病', risk2: '缺劳动力', 'measure:health': 1, 'measure:employment': '2', eliminated: '否' }));
    expect(r).toEqual({ ok: true, row: { ...base, category: 'marginal', identifiedOn: '2025-01-12', riskTypes: ['illness', 'lack_of_labour'], disasterSubtype: null, measures: { health: 1, employment: 2 }, elimination: null } });
  });

  it('reports every bad cell with its column', () => {
    const r = parseCaseRow(base, cellsOf({ category: '富裕户', identifiedOn: '2025-02-30', risk1: '因病', risk2: '因病', risk3: '因自然灾害', eliminated: '是', eliminationWay: '' }));
    expect(r.ok).toBe(false);
    const problems = !r.ok ? r.problems : [];
    expect(problems.map((p) => p.column)).toEqual(['监测对象类别', '识别时间', '风险类型2', '自然灾害类型', '风险消除方式', '风险消除年月']);
    expect(problems[2]!.reason).toBe('风险类型“因病”重复');
  });

  it('needs at least one risk type', () => {
    const r = parseCaseRow(base, cellsOf({ category: '脱贫不稳定户', identifiedOn: '2025-01-12', eliminated: '否' }));
    expect(r).toEqual({ ok: false, problems: [{ column: '风险类型1', reason: '至少填写一项风险类型' }] });
  });

  const eliminated: ExchangeCaseRow = {
    ...base, category: 'unstable', identifiedOn: '2025-01-12', riskTypes: ['illness', 'natural_disaster'], disasterSubtype: 'flood',
    measures: { health: 1, social_help: 2 }, elimination: { way: 'through_help', month: '2025-09' },
  };

  it('synthesizes a history that decide accepts and whose state shows the row again', () => {
    const r = synthesizeCaseHistory(eliminated, { householdId: 'h1', actors, today: '2026-03-02' });
    expect(r.ok).toBe(true);
    const state = replay(r.ok ? r.events : []);
    expect(state.status).toBe('eliminated');
    expect(state.measures).toHaveLength(3);
    // Approval on 识别时间 and the elimination on the last day of 2025-09 (China time).
    expect(state.approvedAt).toBe('2025-01-12T09:00:00+08:00');
    expect(state.eliminatedAt).toBe('2025-09-30T09:00:00+08:00');
    const { householdNo: _n, villageCode: _v, ...shown } = eliminated;
    expect(caseRowFromState(state)).toEqual(shown);
  });

  it('a monitored household keeps being monitored', () => {
    const row: ExchangeCaseRow = { ...eliminated, riskTypes: ['unstable_employment'], disasterSubtype: null, measures: {}, elimination: null };
    const r = synthesizeCaseHistory(row, { householdId: 'h1', actors, today: '2026-03-02' });
    const state = replay(r.ok ? r.events : []);
    expect(state.status).toBe('monitored');
    expect(caseRowFromState(state)?.elimination).toBeNull();
  });

  it('an elimination in the current month ends today, not in the future', () => {
    const r = synthesizeCaseHistory({ ...eliminated, elimination: { way: 'natural', month: '2026-03' } }, { householdId: 'h1', actors, today: '2026-03-02' });
    expect(r.ok && replay(r.events).eliminatedAt).toBe('2026-03-02T09:00:00+08:00');
  });

  it('refuses what the workflow would refuse, in Chinese, with the column', () => {
    const early = synthesizeCaseHistory({ ...eliminated, elimination: { way: 'through_help', month: '2025-04' } }, { householdId: 'h1', actors, today: '2026-03-02' });
    expect(early.ok).toBe(false);
    expect(!early.ok && early.column).toBe('风险消除年月');
    expect(!early.ok && early.reason).toMatch(/纳入监测 \d 个月.*不满 6 个月/);
    // Illness needs a health, social-help or social-assistance measure before elimination (缺什么补什么).
    const noHealth = synthesizeCaseHistory({ ...eliminated, measures: { employment: 1 } }, { householdId: 'h1', actors, today: '2026-03-02' });
    expect(!noHealth.ok && noHealth.reason).toContain('因病风险需有健康帮扶、社会帮扶、综合保障措施');
    const future = synthesizeCaseHistory({ ...eliminated, identifiedOn: '2026-04-01', elimination: null }, { householdId: 'h1', actors, today: '2026-03-02' });
    expect(future).toEqual({ ok: false, column: '识别时间', reason: '识别时间 2026-04-01 晚于今天' });
    const before = synthesizeCaseHistory({ ...eliminated, elimination: { way: 'natural', month: '2024-12' } }, { householdId: 'h1', actors, today: '2026-03-02' });
    expect(!before.ok && before.reason).toBe('风险消除年月 2024-12 早于识别时间 2025-01-12');
  });

  it('uses the configured notice length', () => {
    const r = synthesizeCaseHistory(eliminated, { householdId: 'h1', actors, today: '2026-03-02', config: { ...DEFAULT_CASE_CONFIG, noticeDays: 10 } });
    const notice = r.ok ? r.events.find((e) => e.type === 'notice_started') : undefined;
    // Ten days counted inclusively, ending three days before 识别时间.
    expect(notice).toMatchObject({ startDate: '2024-12-31', endDate: '2025-01-09' });
    expect(r.ok).toBe(true);
  });

  it('data cells show labels, counts and the month', () => {
    const { householdNo: _n, villageCode: _v, ...shown } = eliminated;
    const cells = caseDataCells(shown);
    expect(cells).toMatchObject({ category: '脱贫不稳定户', risk1: '因病', risk2: '因自然灾害', risk3: '', disasterSubtype: '洪涝灾害', 'measure:health': 1, 'measure:industry': 0, eliminated: '是', eliminationWay: '帮扶消除', eliminationMonth: '2025-09' });
  });
});
