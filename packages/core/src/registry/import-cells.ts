import { validateIdNumber, type IdNumberProblem, type IdNumberSex, type ValidateIdNumberOptions } from '../id-number.ts';
import { MoneyFormatError, yuanToFen, type Fen } from '../money.ts';

/**
 * Pure normalisers for spreadsheet cells, used row by row by the streaming import. A cell arrives as
 * whatever the reader produced: a string, a number, a boolean, a Date, or one of ExcelJS's object forms
 * (rich text, formula with cached result, hyperlink, error). Every parser returns a result instead of
 * throwing, so one bad cell becomes one line in the error report and the import goes on.
 */

export type CellResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * The primitive behind an ExcelJS cell value: rich text → its joined runs, a formula → its cached result,
 * a hyperlink → its text, an error value ('#N/A') → its code. Anything else is returned as is.
 */
export function unwrapCell(cell: unknown): unknown {
  let v = cell;
  // Bounded: a formula result is never itself a formula, but a hostile object could nest.
  for (let depth = 0; depth < 4 && isObject(v) && !(v instanceof Date); depth++) {
    if (Array.isArray(v.richText)) {
      v = v.richText.map((run: unknown) => (isObject(run) && typeof run.text === 'string' ? run.text : '')).join('');
    } else if ('formula' in v || 'sharedFormula' in v) {
      v = v.result;
    } else if ('text' in v && 'hyperlink' in v) {
      v = v.text;
    } else if (typeof v.error === 'string') {
      v = v.error;
    } else {
      break;
    }
  }
  return v;
}

/** Full-width ASCII (U+FF01–FF5E) → ASCII; the ideographic space → a space. CJK punctuation is kept. */
function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function isoDate(d: Date): string {
  // ExcelJS gives dates as UTC midnight of the calendar day shown in the sheet.
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/**
 * Cell as clean text: unwrapped, full-width ASCII made half-width, zero-width characters removed, runs of
 * whitespace (incl. NBSP and line breaks inside a cell) collapsed to one space, trimmed. Blank → ''.
 * A Date becomes YYYY-MM-DD.
 */
export function normaliseText(cell: unknown): string {
  const v = unwrapCell(cell);
  let s: string;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') s = String(v);
  else if (v instanceof Date) s = Number.isNaN(v.getTime()) ? '' : isoDate(v);
  else return '';
  return toHalfWidth(s)
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export type IdCellResult =
  | { ok: true; value: string; birthDate: string; sex: IdNumberSex }
  | { ok: false; reason: string; problem: IdNumberProblem };

/**
 * ID number cell. A cell Excel stored as a number (a JS number here, or E-notation text from a CSV) has lost
 * its last digits: it is rejected with the 'excel-number' problem, never repaired (domain.md §11).
 */
export function parseIdCell(cell: unknown, options: ValidateIdNumberOptions = {}): IdCellResult {
  const v = unwrapCell(cell);
  const r = typeof v === 'number' || typeof v === 'bigint' ? validateIdNumber(v, options) : validateIdNumber(normaliseText(v), options);
  if (!r.ok) return { ok: false, reason: r.message, problem: r.reason };
  return { ok: true, value: r.value, birthDate: r.birthDate, sex: r.sex };
}

/**
 * Amount in yuan → fen. Blank → 0 (an income line the household does not have). Text such as '1,234.5',
 * '１２３４．５', '¥88' or '88元' is accepted; more than two decimals is an error, never rounded.
 * A number cell is first read at Excel's own 15 significant digits, because a formula like =0.1+0.2 yields
 * 0.30000000000000004 while the sheet shows 0.3; a true third decimal (1.005) is still an error.
 */
export function parseYuanCell(cell: unknown): CellResult<Fen> {
  const v = unwrapCell(cell);
  let input: string | number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return bad('金额不是有效数字');
    input = Number(v.toPrecision(15));
  } else {
    input = normaliseText(v);
    if (input === '') return ok(0);
  }
  let fen: Fen;
  try {
    fen = yuanToFen(input);
  } catch (e) {
    return bad(e instanceof MoneyFormatError ? e.message : '金额格式不正确');
  }
  if (fen < 0) return bad('金额不能为负数');
  return ok(fen);
}

const TRUE_WORDS = new Set(['是', 'y', 'yes', '1', 'true', '√', '✓', '✔', '有']);
const FALSE_WORDS = new Set(['否', 'n', 'no', '0', 'false', '×', '✗', '✘', '无']);

/**
 * Yes/no cell: 是/否, Y/N, 1/0, true/false, √/×. Blank is an error unless `blankAs` says what it means
 * (the problem flags of a household, for instance, are "no" when left empty).
 */
export function parseBoolCell(cell: unknown, options: { blankAs?: boolean } = {}): CellResult<boolean> {
  const v = unwrapCell(cell);
  if (typeof v === 'boolean') return ok(v);
  const s = normaliseText(v).toLowerCase();
  if (s === '') return options.blankAs === undefined ? bad('请填写"是"或"否"') : ok(options.blankAs);
  if (TRUE_WORDS.has(s)) return ok(true);
  if (FALSE_WORDS.has(s)) return ok(false);
  return bad(`无法识别"${s}"，请填写"是"或"否"`);
}

/**
 * Whole number (ages, household size, years). '3', ' ３ ', 3 and '3.0' are 3; '3.5', '1e3' and
 * unsafe integers are errors. Blank is an error unless `blankAs` is given. Bounds are inclusive.
 */
export function parseIntCell(cell: unknown, options: { min?: number; max?: number; blankAs?: number } = {}): CellResult<number> {
  const v = unwrapCell(cell);
  let n: number;
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) return bad(`"${v}"不是整数`);
    n = v;
  } else {
    const s = normaliseText(v).replace(/,/g, '');
    if (s === '') {
      if (options.blankAs === undefined) return bad('不能为空');
      return ok(options.blankAs);
    }
    if (!/^[+-]?\d+(?:\.0+)?$/.test(s)) return bad(`"${s}"不是整数`);
    n = Number(s.replace(/\.0+$/, ''));
    if (!Number.isSafeInteger(n)) return bad(`"${s}"超出范围`);
    n = n || 0; // '-0' → 0
  }
  if (options.min !== undefined && n < options.min) return bad(`${n} 小于最小值 ${options.min}`);
  if (options.max !== undefined && n > options.max) return bad(`${n} 大于最大值 ${options.max}`);
  return ok(n);
}

/**
 * Export side: a text cell beginning with = + - @, a tab or a carriage return is read by Excel/WPS/LibreOffice
 * as a formula (CSV/formula injection, OWASP); a leading apostrophe makes it plain text. Apply to every text
 * cell of an export, since names and addresses come from user input. Numbers should be written as numeric
 * cells, not through this, or a negative amount would gain an apostrophe.
 */
export function neutraliseSpreadsheetCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
