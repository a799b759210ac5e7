/** A warning pushed by a department list (source 'department:<list type>'), open and not yet a case lead. */
export function isDepartmentWarning(w: { source: string; status: string; caseId?: string | null }): boolean {
  return w.source.startsWith('department:') && w.status === 'open' && !w.caseId;
}

/** 0.333 → '33.3%'; no pushed warnings yet → '—'. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;
}
