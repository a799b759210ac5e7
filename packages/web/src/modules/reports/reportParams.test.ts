import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSESSMENT_RULES, describeRule as ruleSummary } from '@zengshou/core';
import {
  defaultReportParams, groupFigures, newRule, parseReportParams, printPath, rulesProblems, signedPoints, xlsxUrl,
} from './reportParams';

const fallback = defaultReportParams('2026-05-17', '533423');

describe('report parameters', () => {
  it('opens on this month, today and the last completed quarter', () => {
    expect(fallback).toEqual({ region: '533423', month: '2026-05', date: '2026-05-17', year: 2026, quarter: 1 });
    expect(defaultReportParams('2026-02-03', '53')).toMatchObject({ month: '2026-02', year: 2025, quarter: 4 });
  });

  it('reads a print URL, keeping the fallback for anything malformed', () => {
    expect(parseReportParams(new URLSearchParams('region=533423101&month=2026-03&year=2025&quarter=4'), fallback)).toEqual({
      region: '533423101', month: '2026-03', date: '2026-05-17', year: 2025, quarter: 4,
    });
    expect(parseReportParams(new URLSearchParams('region=53342&month=2026-13&date=2026-02-30x&quarter=5'), fallback)).toEqual(fallback);
  });

  it('builds print and export addresses with only what each report reads', () => {
    expect(printPath('dispatch', fallback)).toBe('/reports/print/dispatch?region=533423&month=2026-05');
    expect(printPath('township-review', fallback)).toBe('/reports/print/township-review?region=533423&date=2026-05-17');
    expect(xlsxUrl('assessment', fallback)).toBe('/api/reports/assessment.xlsx?region=533423&year=2026&quarter=1');
  });
});

describe('report presentation', () => {
  it('groups figures under their sections in order', () => {
    const groups = groupFigures([
      { section: '对象规模', label: '农户合计', value: '9 户 9 人' },
      { section: '对象规模', label: '脱贫户', value: '9 户 9 人' },
      { section: '预警与案件', label: '未处置预警', value: '2 条' },
    ]);
    expect(groups.map((g) => [g.section, g.items.length])).toEqual([['对象规模', 2], ['预警与案件', 1]]);
  });

  it('signs points', () => {
    expect([signedPoints(-1.25), signedPoints(1), signedPoints(0)]).toEqual(['-1.25', '+1', '0']);
  });
});

describe('assessment rules editor helpers', () => {
  it('says each rule in one sentence', () => {
    expect(ruleSummary(DEFAULT_ASSESSMENT_RULES.rules[0]!, '全市')).toBe('生产经营性收入下降户占比每高于全市 1 个百分点扣 0.5 分');
    expect(ruleSummary(newRule('threshold'))).toBe('年度增收目标完成率达到 100.00% 加 0 分，未达到扣 1 分');
    expect(ruleSummary({ method: 'per_item', indicator: 'cases_overdue', pointsPerItem: 0.2, maxDeduction: 2 })).toBe('超时限未办结案件每件扣 0.2 分，最多扣 2 分');
  });

  it('numbers the problems by rule, in Chinese', () => {
    expect(rulesProblems(DEFAULT_ASSESSMENT_RULES)).toEqual([]);
    expect(rulesProblems({ baseScore: 100, rules: [newRule('per_item'), { ...newRule('per_point_vs_reference'), pointsPerPoint: -1 } as never] })).toEqual([
      '第 2 条规则：每个百分点扣分不能为负数',
    ]);
    expect(rulesProblems({ baseScore: 100, rules: [newRule('per_item'), newRule('per_item')] })).toEqual(['第 2 条规则与前面的规则重复（同一指标、同一计分方式）']);
  });
});
