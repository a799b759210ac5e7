import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { INCOME_PARTS, type DashboardGap, type DashboardIncome, type DashboardTarget, type DashboardTrendPoint, type IncomePart, type IncomePartsFen } from '@zengshou/core';
import { formatFen, formatShare, percentOf, shareOf, yuanOf } from '../dashboardFormat';
import { COLORS, LABEL_FONT, escapeHtml, itemTooltip, type ClickableItem, type DashboardChartOption } from './chartTypes';

export interface IncomeChartLabels {
  parts: Record<IncomePart, string>;
  perCapita: string;
  ytd: string;
  lastYear: string;
  target: string;
  projected: string;
  /** "第3季度" on the trend's axis. */
  quarter: (quarter: number) => string;
  /** "2026年" as a trend line's name. */
  year: (year: number) => string;
  reached: (share: string) => string;
}

function partsSum(parts: IncomePartsFen): number {
  return INCOME_PARTS.reduce((sum, part) => sum + (Number(parts[part]) || 0), 0);
}

interface CompositionRow {
  name: string;
  parts: IncomePartsFen;
}

/** Rows of the composition chart: this year so far, the same period last year, and the target when all four parts are set. */
function compositionRows(income: DashboardIncome, target: DashboardTarget | null, labels: IncomeChartLabels): CompositionRow[] {
  const rows: CompositionRow[] = [];
  if (income.ytdPartsPerCapitaFen) rows.push({ name: labels.ytd, parts: income.ytdPartsPerCapitaFen });
  if (income.lastYearYtdPartsPerCapitaFen) rows.push({ name: labels.lastYear, parts: income.lastYearYtdPartsPerCapitaFen });
  const targetParts = target?.partsFen;
  if (targetParts && INCOME_PARTS.every((p) => typeof targetParts[p] === 'number')) rows.push({ name: labels.target, parts: targetParts as IncomePartsFen });
  return rows;
}

/**
 * 收入结构: each row a 100 % bar of the four wheels (per-capita shares), so this year, last year and the target's
 * intended structure compare at a glance (seed 004 moves the shares from wage-heavy to business-heavy). A row whose
 * parts add up to nothing draws no bar rather than NaN.
 */
export function buildCompositionOption(income: DashboardIncome, target: DashboardTarget | null, labels: IncomeChartLabels): DashboardChartOption {
  const rows = compositionRows(income, target, labels);
  const series: BarSeriesOption[] = INCOME_PARTS.map((part) => ({
    type: 'bar',
    name: labels.parts[part],
    stack: 'share',
    barMaxWidth: 28,
    itemStyle: { color: COLORS[part] },
    label: {
      show: true,
      ...LABEL_FONT,
      color: '#fff',
      // Narrow segments get no label; the tooltip still has them.
      formatter: (p) => (typeof p.value === 'number' && p.value >= 7 ? (p.data as { caption: string }).caption : ''),
    },
    data: rows.map((row) => {
      const share = shareOf(Number(row.parts[part]) || 0, partsSum(row.parts));
      return { value: percentOf(share), caption: formatShare(share), text: `${formatShare(share)} · ${formatFen(row.parts[part])}` };
    }) as BarSeriesOption['data'],
  }));
  return {
    color: INCOME_PARTS.map((p) => COLORS[p]),
    legend: { top: 0, data: INCOME_PARTS.map((p) => labels.parts[p]) },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: itemTooltip },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name) },
    series,
  };
}

/**
 * 季度走势: year-to-date per-capita net income at the end of each quarter, one line per year, so this year's Q2 is
 * read against last year's Q2. Quarters without reports are gaps, not zeros.
 */
export function buildTrendOption(trend: readonly DashboardTrendPoint[], currentYear: number, labels: IncomeChartLabels): DashboardChartOption {
  const years = [...new Set(trend.map((p) => p.year))].sort((a, b) => a - b);
  const palette = ['#bfbfbf', '#7fb2dd', '#1f6fb2', '#003a8c'];
  const series: LineSeriesOption[] = years.map((year, index) => {
    const current = year === currentYear;
    const byQuarter = new Map(trend.filter((p) => p.year === year).map((p) => [p.quarter, p]));
    return {
      type: 'line',
      name: labels.year(year),
      symbol: 'circle',
      symbolSize: current ? 9 : 6,
      lineStyle: { width: current ? 3 : 2 },
      itemStyle: { color: current ? COLORS.wage : palette[Math.max(0, palette.length - years.length + index)] },
      connectNulls: false,
      data: [1, 2, 3, 4].map((q) => {
        const point = byQuarter.get(q);
        const value = point && Number(point.reportedHouseholds) > 0 ? yuanOf(point.ytdPerCapitaNetFen) : null;
        return { value, text: point ? formatFen(point.ytdPerCapitaNetFen) : '—' };
      }) as LineSeriesOption['data'],
    };
  });
  return {
    legend: { top: 0, data: years.map(labels.year) },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = params as { seriesName: string; marker: string; data: ClickableItem; axisValueLabel: string }[];
        const head = list[0] ? `${escapeHtml(list[0].axisValueLabel)}（${escapeHtml(labels.perCapita)}）` : '';
        return [head, ...list.map((p) => `${p.marker}${escapeHtml(p.seriesName)}：${escapeHtml(p.data?.text ?? '—')}`)].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: [1, 2, 3, 4].map(labels.quarter), boundaryGap: false },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}' } },
    series,
  };
}

interface BulletRow {
  name: string;
  projectedFen: number | null;
  targetFen: number | null;
  color: string;
}

function bulletRows(income: DashboardIncome, target: DashboardTarget | null, labels: IncomeChartLabels): BulletRow[] {
  const partTarget = (part: IncomePart) => {
    const value = target?.partsFen[part];
    return typeof value === 'number' ? value : null;
  };
  return [
    { name: labels.perCapita, projectedFen: income.projectedPerCapitaNetFen, targetFen: target?.perCapitaNetFen ?? null, color: COLORS.primary },
    ...INCOME_PARTS.map((part) => ({
      name: labels.parts[part],
      projectedFen: income.projectedPartsPerCapitaFen?.[part] ?? null,
      targetFen: partTarget(part),
      color: COLORS[part],
    })),
  ];
}

/**
 * 目标完成: a bullet per figure — the year's target as a wide grey bar, the year-end projection as a narrow bar
 * over it, labelled with the share of the target it reaches. A figure without a target shows its projection only.
 * `gap` is the server's (projection − target); the labels use it for the total so the chart and the cards agree.
 */
export function buildTargetBulletOption(
  income: DashboardIncome,
  target: DashboardTarget | null,
  gap: DashboardGap | null,
  labels: IncomeChartLabels,
): DashboardChartOption {
  const rows = bulletRows(income, target, labels);
  const reachedOf = (row: BulletRow, index: number) => {
    if (index === 0 && gap) return gap.reachedShare;
    return row.projectedFen !== null && row.targetFen ? row.projectedFen / row.targetFen : null;
  };
  const targetSeries: BarSeriesOption = {
    type: 'bar',
    name: labels.target,
    barWidth: 22,
    itemStyle: { color: COLORS.target },
    label: { show: true, position: 'right', ...LABEL_FONT, color: '#8c8c8c', formatter: (p) => (p.value === null ? '' : `${labels.target} ${(p.data as ClickableItem).text ?? ''}`) },
    data: rows.map((row) => ({
      value: yuanOf(row.targetFen),
      text: formatFen(row.targetFen),
      // Past the target the projection's own label says how far; the target's would sit on the projection's bar.
      ...(row.projectedFen !== null && row.targetFen !== null && row.projectedFen >= row.targetFen ? { label: { show: false } } : {}),
    })) as BarSeriesOption['data'],
  };
  const projectedSeries: BarSeriesOption = {
    type: 'bar',
    name: labels.projected,
    barWidth: 10,
    barGap: '-100%',
    itemStyle: { color: COLORS.primary },
    label: { show: true, position: 'right', ...LABEL_FONT, formatter: (p) => (p.data as { caption: string }).caption },
    data: rows.map((row, index) => {
      const reached = reachedOf(row, index);
      return {
        value: yuanOf(row.projectedFen),
        text: formatFen(row.projectedFen),
        caption: reached === null ? formatFen(row.projectedFen) : `${formatFen(row.projectedFen)}（${labels.reached(formatShare(reached))}）`,
        itemStyle: { color: reached !== null && reached < 1 ? COLORS.short : row.color },
      };
    }) as BarSeriesOption['data'],
  };
  return {
    legend: { top: 0, data: [labels.target, labels.projected] },
    grid: { left: 8, right: 210, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: itemTooltip },
    xAxis: { type: 'value', axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name) },
    series: [targetSeries, projectedSeries],
  };
}
