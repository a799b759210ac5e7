import dayjs from 'dayjs';

/** Server timestamps are ISO strings; people read them in local time to the second. */
export function formatDateTime(value: string | null | undefined, empty = '—'): string {
  if (!value) return empty;
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format('YYYY-MM-DD HH:mm:ss') : value;
}
