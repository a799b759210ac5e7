import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { IncomeRecord } from './types';

export type IncomeChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export type ChartPart = 'wage' | 'business' | 'property' | 'transfer';
export const CHART_PARTS: readonly ChartPart[] = ['wage', 'business', 'property', 'transfer'];

export interface IncomeChartLabels {
  /** Series names; business is shown net of production costs. */
  parts: Record<ChartPart, string>;
  perCapita: string;
  householdAxis: string;
  perCapitaAxis: string;
  /** Category name of a period, e.g. "2023年全年" or "2024年1–6月". */
  period: (year: number, quarter: number) => string;
  toVerify: string;
  /** Appended to amounts in the tooltip, e.g. "元". */
  unit: string;
}

const COLORS: Record<ChartPart | 'perCapita' | 'toVerify', string> = {
  wage: '#b5121b',
  business: '#d48806',
  property: '#1f6fb2',
  transfer: '#389e0d',
  perCapita: '#262626',
  toVerify: '#8c8c8c',
};

/**
 * Records are year-to-date, so each year is drawn from its latest current record (Q4 = the whole year; for the
 * running year the latest quarter so far). Revisions replaced by a later save are left out. Oldest year first.
 */
export function chartRecords(records: readonly IncomeRecord[]): IncomeRecord[] {
  const latestByYear = new Map<number, IncomeRecord>();
  for (const record of records) {
    if (record.supersededAt) continue;
    const kept = latestByYear.get(record.year);
    if (!kept || record.quarter > kept.quarter) latestByYear.set(record.year, record);
  }
  return [...latestByYear.values()].sort((a, b) => a.year - b.year);
}

const yuan = (fen: number) => fen / 100;

function partFen(record: IncomeRecord, part: ChartPart): number {
  return part === 'business' ? record.totals.business - record.totals.cost : record.totals[part];
}

function formatAmount(value: unknown, unit: string): string {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return '—';
  return `${n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${unit}`;
}

/**
 * Stacked bars of the four wheels (household totals, yuan) per period, with per-capita net income as a line on
 * the second axis. A 待核实 period is drawn in grey and named so, since it does not count.
 */
export function buildIncomeChartOption(records: readonly IncomeRecord[], labels: IncomeChartLabels): IncomeChartOption {
  const periods = chartRecords(records);
  const categories = periods.map((r) => {
    const name = labels.period(r.year, r.quarter);
    return r.status === 'to_verify' ? `${name}\n（${labels.toVerify}）` : name;
  });

  const bars: BarSeriesOption[] = CHART_PARTS.map((part) => ({
    type: 'bar',
    name: labels.parts[part],
    stack: 'income',
    barMaxWidth: 48,
    yAxisIndex: 0,
    itemStyle: { color: COLORS[part] },
    emphasis: { focus: 'series' },
    data: periods.map((r) => yuan(partFen(r, part))),
  }));

  const line: LineSeriesOption = {
    type: 'line',
    name: labels.perCapita,
    yAxisIndex: 1,
    symbol: 'circle',
    symbolSize: 8,
    itemStyle: { color: COLORS.perCapita },
    lineStyle: { width: 2 },
    data: periods.map((r) =>
      r.status === 'to_verify'
        ? { value: yuan(r.perCapitaNet), itemStyle: { color: COLORS.toVerify } }
        : yuan(r.perCapitaNet),
    ),
  };

  return {
    color: [COLORS.wage, COLORS.business, COLORS.property, COLORS.transfer, COLORS.perCapita],
    grid: { left: 16, right: 16, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0, data: [...CHART_PARTS.map((p) => labels.parts[p]), labels.perCapita] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => formatAmount(value, labels.unit),
    },
    xAxis: { type: 'category', data: categories, axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: labels.householdAxis, nameTextStyle: { align: 'left' } },
      { type: 'value', name: labels.perCapitaAxis, nameTextStyle: { align: 'right' }, splitLine: { show: false } },
    ],
    series: [...bars, line],
  };
}
