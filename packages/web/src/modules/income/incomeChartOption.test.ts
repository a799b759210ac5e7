import { describe, expect, it } from 'vitest';
import { buildIncomeChartOption, chartRecords, type IncomeChartLabels } from './incomeChartOption';
import type { IncomeRecord } from './types';

const labels: IncomeChartLabels = {
  parts: { wage: '工资性', business: '生产经营性（净）', property: '财产性', transfer: '转移性' },
  perCapita: '人均纯收入',
  householdAxis: '户收入（元）',
  perCapitaAxis: '人均（元）',
  period: (year, quarter) => (quarter === 4 ? `${year}年全年` : `${year}年1–${quarter * 3}月`),
  toVerify: '待核实',
  unit: '元',
};

function record(year: number, quarter: number, over: Partial<IncomeRecord> = {}): IncomeRecord {
  return {
    id: `${year}-${quarter}-${over.supersededAt ?? 'current'}`,
    year,
    quarter,
    items: {},
    totals: { wage: 800_000, business: 300_000, property: 20_000, transfer: 50_000, cost: 100_000 },
    netIncome: 1_070_000,
    householdSize: 4,
    perCapitaNet: 267_500,
    status: 'valid',
    checks: [],
    remark: null,
    source: 'form',
    recordedAt: '2024-07-01T00:00:00Z',
    supersededAt: null,
    ...over,
  };
}

describe('chartRecords', () => {
  it('keeps the latest current quarter of each year, oldest year first, ignoring replaced revisions', () => {
    const picked = chartRecords([
      record(2024, 1),
      record(2023, 4),
      record(2024, 3, { supersededAt: '2024-10-02T00:00:00Z' }),
      record(2024, 2),
      record(2023, 2),
    ]);
    expect(picked.map((r) => `${r.year}Q${r.quarter}`)).toEqual(['2023Q4', '2024Q2']);
  });
});

describe('buildIncomeChartOption', () => {
  const option = buildIncomeChartOption(
    [record(2024, 2, { status: 'to_verify', perCapitaNet: 123_456 }), record(2023, 4)],
    labels,
  );
  const series = option.series as { type: string; name: string; stack?: string; yAxisIndex?: number; data: unknown[] }[];

  it('labels each period and marks 待核实 ones', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['2023年全年', '2024年1–6月\n（待核实）']);
  });

  it('stacks the four wheels in yuan, business net of costs, on the first axis', () => {
    const bars = series.filter((s) => s.type === 'bar');
    expect(bars.map((s) => s.name)).toEqual(['工资性', '生产经营性（净）', '财产性', '转移性']);
    expect(new Set(bars.map((s) => s.stack))).toEqual(new Set(['income']));
    expect(bars.every((s) => s.yAxisIndex === 0)).toBe(true);
    expect(bars[0]!.data).toEqual([8000, 8000]);
    expect(bars[1]!.data).toEqual([2000, 2000]);
  });

  it('draws per-capita net income as a line on the second axis, greyed when to be verified', () => {
    const line = series.find((s) => s.type === 'line')!;
    expect(line.name).toBe('人均纯收入');
    expect(line.yAxisIndex).toBe(1);
    expect(line.data[0]).toBe(2675);
    expect(line.data[1]).toMatchObject({ value: 1234.56 });
    expect((option.yAxis as unknown[]).length).toBe(2);
  });

  it('formats tooltip amounts with two decimals and the unit', () => {
    const format = (option.tooltip as { valueFormatter: (v: unknown) => string }).valueFormatter;
    expect(format(1234.5)).toBe('1,234.50 元');
    expect(format(undefined)).toBe('—');
  });
});
