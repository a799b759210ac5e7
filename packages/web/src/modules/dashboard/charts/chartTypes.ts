import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { DrillMetric, FocusGroup } from '@zengshou/core';

export type DashboardChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/**
 * A bar's data item. `metric` (and `regionCode` in the ranking) says which households a click lists; `text` is the
 * formatted figure the label and tooltip show, so the chart never formats money itself.
 */
export interface ClickableItem {
  value: number | null;
  name?: string;
  text?: string;
  metric?: DrillMetric;
  /** With a plan metric: only the households of this focus group. */
  group?: FocusGroup;
  regionCode?: string;
  itemStyle?: { color: string };
}

/** Palette shared by the dashboard: the four wheels as in the household income chart, red and orange for deadlines. */
export const COLORS = {
  wage: '#b5121b',
  business: '#d48806',
  property: '#1f6fb2',
  transfer: '#389e0d',
  primary: '#1f6fb2',
  people: '#7fb2dd',
  target: '#d9d9d9',
  reached: '#389e0d',
  short: '#d46b08',
  onTime: '#1f6fb2',
  dueSoon: '#fa8c16',
  overdue: '#cf1322',
  closed: '#8c8c8c',
  muted: '#bfbfbf',
} as const;

export const LABEL_FONT = { fontSize: 12 };

/** The `text` of a clicked or hovered item, if it has one. */
export function itemText(data: unknown): string | undefined {
  return typeof data === 'object' && data !== null && 'text' in data ? String((data as { text: unknown }).text) : undefined;
}

/** Tooltip line of a hovered bar: series, category and the item's own formatted figure. */
export function itemTooltip(params: unknown): string {
  const p = params as { seriesName?: string; name?: string; data?: unknown; marker?: string };
  const text = itemText(p.data) ?? '—';
  const series = p.seriesName && !p.seriesName.startsWith('series') ? `${p.seriesName}<br/>` : '';
  return `${series}${p.marker ?? ''}${escapeHtml(p.name ?? '')}：${escapeHtml(text)}`;
}

/** Region and label names go into tooltip HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
