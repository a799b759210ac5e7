import type { BarSeriesOption } from 'echarts/charts';
import type { DashboardChild } from '@zengshou/core';
import { formatCount, formatFen, formatRate, formatShare, percentOf, yuanOf } from '../dashboardFormat';
import { COLORS, LABEL_FONT, itemTooltip, type ClickableItem, type DashboardChartOption } from './chartTypes';

/** Indicators the children can be ranked by; per-capita so far is the default a county reads first. */
export const RANKING_INDICATORS = [
  'ytdPerCapitaNetFen',
  'projectedPerCapitaNetFen',
  'growthRate',
  'incomeFellShare',
  'businessFellShare',
  'households',
  'people',
  'monitoredHouseholds',
  'warningsOpen',
  'casesOverdue',
] as const;
export type RankingIndicator = (typeof RANKING_INDICATORS)[number];

type Kind = 'fen' | 'share' | 'rate' | 'count';
const KIND: Record<RankingIndicator, Kind> = {
  ytdPerCapitaNetFen: 'fen',
  projectedPerCapitaNetFen: 'fen',
  growthRate: 'rate',
  incomeFellShare: 'share',
  businessFellShare: 'share',
  households: 'count',
  people: 'count',
  monitoredHouseholds: 'count',
  warningsOpen: 'count',
  casesOverdue: 'count',
};

export function isRankingIndicator(value: string | null): value is RankingIndicator {
  return value !== null && (RANKING_INDICATORS as readonly string[]).includes(value);
}

function rawValue(child: DashboardChild, indicator: RankingIndicator): number | null {
  const value = child[indicator];
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** The figure as the page prints it (yuan, one-decimal percentages, counts). */
export function formatIndicator(child: DashboardChild, indicator: RankingIndicator): string {
  const value = rawValue(child, indicator);
  switch (KIND[indicator]) {
    case 'fen':
      return formatFen(value);
    case 'share':
      return formatShare(value);
    case 'rate':
      return formatRate(value);
    default:
      return formatCount(value);
  }
}

function chartValue(child: DashboardChild, indicator: RankingIndicator): number | null {
  const value = rawValue(child, indicator);
  const kind = KIND[indicator];
  if (kind === 'fen') return yuanOf(value);
  if (kind === 'share' || kind === 'rate') return percentOf(value);
  return value;
}

/** Highest first; children without the figure (no income reported) go last; ties in code order. */
export function sortChildren(children: readonly DashboardChild[], indicator: RankingIndicator): DashboardChild[] {
  return [...children].sort((a, b) => {
    const x = rawValue(a, indicator);
    const y = rawValue(b, indicator);
    if (x === null && y === null) return a.code.localeCompare(b.code);
    if (x === null) return 1;
    if (y === null) return -1;
    return y - x || a.code.localeCompare(b.code);
  });
}

function colorOf(child: DashboardChild, indicator: RankingIndicator): string {
  if (indicator === 'casesOverdue') return COLORS.overdue;
  if (indicator === 'warningsOpen') return COLORS.dueSoon;
  if (indicator === 'incomeFellShare' || indicator === 'businessFellShare') return COLORS.short;
  // A projection short of the child's own target stands out; the year-to-date figure is not comparable to it.
  if (indicator === 'projectedPerCapitaNetFen' && child.targetPerCapitaNetFen !== null && child.projectedPerCapitaNetFen !== null) {
    return child.projectedPerCapitaNetFen >= child.targetPerCapitaNetFen ? COLORS.reached : COLORS.short;
  }
  return COLORS.primary;
}

/** Rows a chart of `count` children needs: one bar per child, so names never overlap. */
export function rankingHeight(count: number): number {
  return Math.max(200, 56 + count * 30);
}

/**
 * Horizontal bars of the children, best first from the top. Every bar and axis name carries the child's code, so a
 * click can open that child's households.
 */
export function buildRankingOption(children: readonly DashboardChild[], indicator: RankingIndicator, seriesName: string): DashboardChartOption {
  const sorted = sortChildren(children, indicator);
  const data: ClickableItem[] = sorted.map((child) => ({
    value: chartValue(child, indicator),
    name: child.name,
    text: formatIndicator(child, indicator),
    regionCode: child.code,
    itemStyle: { color: colorOf(child, indicator) },
  }));
  const series: BarSeriesOption = {
    type: 'bar',
    name: seriesName,
    barMaxWidth: 22,
    cursor: 'pointer',
    data: data as BarSeriesOption['data'],
    label: { show: true, position: 'right', ...LABEL_FONT, formatter: (p) => (p.data as ClickableItem).text ?? '' },
  };
  const isPercent = KIND[indicator] === 'share' || KIND[indicator] === 'rate';
  return {
    grid: { left: 8, right: 120, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: itemTooltip },
    xAxis: { type: 'value', axisLabel: { formatter: isPercent ? '{value}%' : '{value}' } },
    yAxis: {
      type: 'category',
      inverse: true,
      triggerEvent: true,
      data: sorted.map((c) => c.name),
      axisLabel: { ...LABEL_FONT, width: 110, overflow: 'truncate' },
    },
    series: [series],
  };
}
