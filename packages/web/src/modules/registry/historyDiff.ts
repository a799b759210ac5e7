export interface HistoryChange {
  field: string;
  before: unknown;
  after: unknown;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const blank = (v: unknown) => v === null || v === undefined || v === '' || v === false || v === 0;

/**
 * The fields one audit entry changed. For a creation (no "before") only the values actually filled in are listed,
 * so a new income record shows its non-zero items rather than twenty zeros.
 */
export function historyChanges(before: unknown, after: unknown): HistoryChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!a && !b) return [];
  const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])];
  const changes: HistoryChange[] = [];
  for (const field of keys) {
    const was = b?.[field];
    const now = a?.[field];
    if (!b && blank(now)) continue;
    if (b && same(was, now)) continue;
    changes.push({ field, before: b ? (was ?? null) : undefined, after: a ? (now ?? null) : undefined });
  }
  return changes;
}
