import { fenToYuan, type Fen } from '../money.ts';
import { labelFromChinese, labelOf, type RegistryEnum } from '../registry/registry-enums.ts';
import { neutraliseSpreadsheetCell, normaliseText, unwrapCell, type CellResult } from '../registry/import-cells.ts';

/**
 * Cell conversions of the national-format exchange, both ways: codes ↔ Chinese labels, fen ↔ yuan, dates and
 * months ↔ text. Export writes what the national system shows (labels, yuan with two decimals, 2025-01-12);
 * import reads that back, and a cell it cannot read is refused with the reason in Chinese.
 */

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** Text written to a cell: formula-looking text is neutralised (OWASP CSV injection). */
export function textCell(value: string | null | undefined): string {
  return value ? neutraliseSpreadsheetCell(value) : '';
}

/**
 * Text read from a cell of our own export: the apostrophe textCell put before = + - @ comes off again, so a name
 * that begins with '-' round-trips instead of growing an apostrophe per exchange.
 */
export function readTextCell(cell: unknown): string {
  const s = normaliseText(cell);
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s;
}

/** Yuan as a number cell with at most two decimals (Excel sums it); null stays empty. */
export function yuanCell(fen: Fen | null | undefined): number | '' {
  return fen === null || fen === undefined ? '' : Number(fenToYuan(fen));
}

export function enumCell<C extends string | number>(def: RegistryEnum<C>, code: C | null | undefined): string {
  return labelOf(def, code);
}

/** A label (or alias, or code) → its code; blank → null when optional. */
export function parseEnumCell<C extends string | number>(def: RegistryEnum<C>, cell: unknown, required: boolean): CellResult<C | null> {
  const v = readTextCell(cell);
  if (v === '') return required ? bad('必填项为空') : ok(null);
  const code = labelFromChinese(def, v);
  if (code === null) return bad(`“${v}”不是可选值，可选：${Object.values<string>(def.labels).join('、')}`);
  return ok(code);
}

export const yesNoCell = (b: boolean) => (b ? '是' : '否');

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function realDate(y: number, m: number, d: number): string | null {
  const iso = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  const t = Date.UTC(y, m - 1, d);
  return new Date(t).toISOString().slice(0, 10) === iso ? iso : null;
}

/**
 * A date cell as the streaming reader sees it without styles: its Excel serial number (days since 1899-12-30).
 * Only 2000–2099 is taken as a date; anything else is not a date someone typed into this file.
 */
function fromSerial(v: number): Date | null {
  return Number.isInteger(v) && v >= 36_526 && v < 73_051 ? new Date(Date.UTC(1899, 11, 30) + v * 86_400_000) : null;
}

/**
 * A date cell → 'YYYY-MM-DD'. Accepts a date cell (ExcelJS gives UTC midnight of the day shown, or its serial
 * number when styles are not read), 2025-01-12, 2025/1/12, 2025.1.12, 2025年1月12日 and 20250112.
 */
export function parseDayCell(cell: unknown, required: boolean): CellResult<string | null> {
  let v = unwrapCell(cell);
  if (typeof v === 'number' && !/^\d{8}$/.test(String(v))) {
    const d = fromSerial(v);
    if (!d) return bad(`“${v}”不是日期，应写成 2025-01-12`);
    v = d;
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return bad('日期无效');
    return ok(v.toISOString().slice(0, 10));
  }
  const s = normaliseText(v);
  if (s === '') return required ? bad('必填项为空') : ok(null);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return bad(`“${s}”不是日期，应写成 2025-01-12`);
  const date = realDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return date ? ok(date) : bad(`“${s}”不是有效的日期`);
}

/** A month cell → 'YYYY-MM'. Accepts 2025-07, 2025/7, 2025年7月, 202507, or a date cell (its month). */
export function parseMonthCell(cell: unknown, required: boolean): CellResult<string | null> {
  let v = unwrapCell(cell);
  if (typeof v === 'number' && !/^\d{6}$/.test(String(v))) {
    const d = fromSerial(v);
    if (!d) return bad(`“${v}”不是年月，应写成 2025-07`);
    v = d;
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return bad('年月无效');
    return ok(v.toISOString().slice(0, 7));
  }
  const s = normaliseText(v);
  if (s === '') return required ? bad('必填项为空') : ok(null);
  const m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (!m) return bad(`“${s}”不是年月，应写成 2025-07`);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return bad(`“${s}”的月份不在 1–12 之间`);
  return ok(`${m[1]}-${pad(month)}`);
}

/** Number of measures of one category: a whole number 0–50; blank is 0. */
export function parseCountCell(cell: unknown): CellResult<number> {
  const v = unwrapCell(cell);
  const s = typeof v === 'number' ? String(v) : normaliseText(v);
  if (s === '') return ok(0);
  if (!/^\d+$/.test(s)) return bad(`“${s}”不是措施项数，应填写 0 或正整数`);
  const n = Number(s);
  return n > 50 ? bad(`措施项数 ${n} 超过 50，请核对`) : ok(n);
}
