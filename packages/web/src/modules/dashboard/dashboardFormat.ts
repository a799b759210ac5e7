import { formatYuan } from '@zengshou/core';

/** Counts may arrive as int8 text on some drivers: read with Number, anything odd as 0. */
export function countOf(value: unknown): number {
  const n = Number(value ?? 0);
  return Number.isFinite(n) && n >= 0 ? n : 0;
}

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A fraction (0.125) as a percentage with one decimal ("12.5%"); no denominator or no comparison is "—". */
export function formatShare(fraction: number | null | undefined): string {
  if (!finite(fraction)) return '—';
  return `${(fraction * 100).toFixed(1)}%`;
}

/** A rate of change with its sign ("+8.2%", "-3.0%"). */
export function formatRate(rate: number | null | undefined): string {
  if (!finite(rate)) return '—';
  const text = `${(rate * 100).toFixed(1)}%`;
  return rate > 0 ? `+${text}` : text;
}

export function formatFen(fen: number | null | undefined): string {
  return finite(fen) ? formatYuan(Math.round(fen)) : '—';
}

/** Fen → yuan for chart axes (ECharts draws numbers); missing stays missing, never NaN. */
export function yuanOf(fen: number | null | undefined): number | null {
  return finite(fen) ? fen / 100 : null;
}

/** Percent for chart axes: 0.125 → 12.5 (one decimal). */
export function percentOf(fraction: number | null | undefined): number | null {
  return finite(fraction) ? Math.round(fraction * 1000) / 10 : null;
}

/** Part ÷ whole as a fraction, or null when the whole is zero (nothing to share). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 && Number.isFinite(part) ? part / whole : null;
}

export function formatCount(value: unknown): string {
  return countOf(value).toLocaleString('zh-CN');
}
