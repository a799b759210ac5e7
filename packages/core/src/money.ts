import { z } from 'zod';

/**
 * Money is always an integer number of fen (分). Floating-point yuan never enters the domain:
 * parsing works on the decimal text, so '0.1' + '0.2' is exactly 30 fen.
 */

export type Fen = number;

export class MoneyFormatError extends RangeError {
  override name = 'MoneyFormatError';
}

export const fenSchema = z.number().int().refine(Number.isSafeInteger, { message: '金额超出范围' });

function toHalfWidth(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF0C\uFF0E\uFF0D\uFF0B]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

function assertFen(fen: number, what = '金额'): void {
  if (!Number.isSafeInteger(fen)) throw new MoneyFormatError(`${what}必须是以分为单位的整数：${fen}`);
}

const PLAIN = /^([+-]?)(\d+)(?:\.(\d{1,2}))?$/;
// Thousands separators must be in the right places: '1,234.50' yes, '12,34' no.
const GROUPED = /^([+-]?)(\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/;

/**
 * Parses yuan into fen. Accepts '1234.5', '1,234.50', full-width digits/punctuation, a leading sign,
 * surrounding whitespace, a trailing 元 or leading ¥/￥. Rejects more than 2 decimals (never rounds
 * silently), NaN, Infinity, exponent notation, and values beyond the safe-integer range.
 * A number argument is read through its shortest decimal text, so 0.1 → 10 and 1.005 is rejected.
 */
export function yuanToFen(input: string | number): Fen {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new MoneyFormatError(`金额不是有效数字：${input}`);
    text = String(input);
  } else if (typeof input === 'string') {
    text = input;
  } else {
    throw new MoneyFormatError('金额必须是数字或文本');
  }
  const s = toHalfWidth(text)
    .replace(/[\s\u200B-\u200D\uFEFF]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '');
  const m = PLAIN.exec(s) ?? GROUPED.exec(s);
  if (!m) {
    if (/^[+-]?[\d,]*\.\d{3,}$/.test(s)) throw new MoneyFormatError(`金额最多保留两位小数：${text}`);
    throw new MoneyFormatError(`金额格式不正确：${text}`);
  }
  const sign = m[1] === '-' ? -1 : 1;
  const whole = m[2]!.replace(/,/g, '');
  const frac = (m[3] ?? '').padEnd(2, '0');
  const abs = Number(whole) * 100 + Number(frac);
  if (!Number.isSafeInteger(abs) || whole.length > 14) throw new MoneyFormatError(`金额超出范围：${text}`);
  // `|| 0` turns -0 into 0 so that '-0.00' compares and serialises like 0.
  return sign * abs || 0;
}

/** Non-throwing variant for form and import validation. */
export function parseYuan(input: unknown): { ok: true; fen: Fen } | { ok: false; message: string } {
  if (typeof input !== 'string' && typeof input !== 'number') return { ok: false, message: '金额必须是数字或文本' };
  try {
    return { ok: true, fen: yuanToFen(input) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** Plain machine form: '1234.50', '-0.05'. */
export function fenToYuan(fen: Fen): string {
  assertFen(fen);
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${neg ? '-' : ''}${yuan}.${rest}`;
}

/** Display form: '1,234.50 元'. */
export function formatYuan(fen: Fen): string {
  const plain = fenToYuan(fen);
  const [intPart, frac] = plain.split('.') as [string, string];
  const neg = intPart.startsWith('-');
  const digits = neg ? intPart.slice(1) : intPart;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}.${frac} 元`;
}

/** Exact sum; throws rather than lose precision past Number.MAX_SAFE_INTEGER. */
export function sumFen(...values: readonly Fen[]): Fen {
  let total = 0;
  for (const v of values) {
    assertFen(v);
    total += v;
    assertFen(total, '合计金额');
  }
  return total;
}

/**
 * total ÷ n rounded to whole fen, half-up in the 四舍五入 sense: halves round away from zero, so
 * the result for −total is exactly the negation of the result for total (a loss per head is as
 * large as the equal gain). Used e.g. for per-capita income (domain.md §3): 1001 fen ÷ 2 → 501.
 * The parts need not sum back to total; callers needing an exact split must distribute the remainder.
 */
export function divideFenRounded(total: Fen, n: number): Fen {
  assertFen(total);
  if (!Number.isSafeInteger(n) || n <= 0) throw new RangeError(`除数必须是正整数：${n}`);
  const abs = Math.abs(total);
  let q = Math.floor(abs / n);
  const r = abs - q * n;
  if (2 * r >= n) q += 1;
  // Avoid returning -0 for small negative totals.
  return total < 0 && q !== 0 ? -q : q;
}
