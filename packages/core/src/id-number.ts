import { z } from 'zod';

/**
 * 18-digit resident identity number (GB 11643-1999, domain.md §11):
 * 6-digit address code, 8-digit birth date, 3-digit sequence (odd = male),
 * check character by ISO 7064 MOD 11-2.
 */

export type IdNumberProblem =
  | 'empty'
  | 'excel-number'
  | 'length'
  | 'characters'
  | 'birth-date'
  | 'address-code'
  | 'check-digit';

export type IdNumberSex = 'male' | 'female';

export type IdNumberValidation =
  | { ok: true; value: string; birthDate: string; sex: IdNumberSex; addressCode: string }
  | { ok: false; reason: IdNumberProblem; message: string };

export interface ValidateIdNumberOptions {
  /** Reference date for the "born in the future" check; 'YYYY-MM-DD' or a Date (local calendar day). Defaults to now. */
  today?: string | Date;
}

export const ID_NUMBER_MESSAGES: Readonly<Record<IdNumberProblem, string>> = {
  empty: '身份证号不能为空',
  'excel-number': '身份证号被 Excel 存成了数字，后几位已丢失，请把该列设为文本后重新填写',
  length: '身份证号应为 18 位（15 位旧号码请换成 18 位新号码）',
  characters: '身份证号只能包含数字，最后一位可以是 X',
  'birth-date': '身份证号中的出生日期无效（不存在的日期、晚于今天或早于 1900 年）',
  'address-code': '身份证号前两位不是有效的省级行政区划代码',
  'check-digit': '身份证号校验位不正确，请核对是否有数字录错或顺序颠倒',
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * Province-level codes allowed in the first two digits. 83 is used by residence permits
 * for Taiwan residents; 71/81/82 appear on permits and legacy records.
 */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

export function isProvinceCode(code: string): boolean {
  return PROVINCE_CODES.has(code);
}

/** All valid province codes, in ascending order (used by test-data generators). */
export const PROVINCE_CODE_LIST: readonly string[] = [...PROVINCE_CODES].sort();

// Excel CSV exports write big numbers like "5.33423E+17"; the ID's tail is gone.
const E_NOTATION = /^[+-]?\d+(?:\.\d+)?e[+-]?\d+$/i;

function toHalfWidth(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 0xff38 || code === 0xff58) return 'X';
    return String.fromCharCode(code - 0xff10 + 0x30);
  });
}

/**
 * Canonical textual form: full-width digits and Ｘ/ｘ become ASCII, x becomes X, and every
 * kind of whitespace (incl. the ideographic space U+3000, NBSP and zero-width characters that
 * arrive via copy-paste) is removed. Does not validate.
 */
export function normalizeIdNumber(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  const s = typeof raw === 'string' ? raw : String(raw);
  return toHalfWidth(s)
    .replace(/[\s\u200B-\u200D\uFEFF]/g, '')
    .replace(/x/g, 'X');
}

/** Check character for the first 17 digits (ISO 7064 MOD 11-2). */
export function checkDigitFor(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`checkDigitFor expects 17 digits, got ${JSON.stringify(first17)}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** 'YYYYMMDD' → 'YYYY-MM-DD' if it is a real calendar date, else null. */
function parseCompactDate(yyyymmdd: string): string | null {
  if (!/^\d{8}$/.test(yyyymmdd)) return null;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

function todayIso(today: string | Date | undefined): string {
  if (typeof today === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new RangeError(`today must be YYYY-MM-DD, got ${today}`);
    return today;
  }
  const d = today ?? new Date();
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
}

function fail(reason: IdNumberProblem): IdNumberValidation {
  return { ok: false, reason, message: ID_NUMBER_MESSAGES[reason] };
}

export function validateIdNumber(raw: unknown, options: ValidateIdNumberOptions = {}): IdNumberValidation {
  // A spreadsheet cell read as a number has at most 15 significant digits: never try to repair it.
  if (typeof raw === 'number') return fail('excel-number');
  // A bigint holds every digit exactly, so it is checked like its decimal text.
  if (raw !== null && raw !== undefined && typeof raw !== 'string' && typeof raw !== 'bigint') {
    return fail('characters');
  }
  const value = normalizeIdNumber(raw);
  if (value === '') return fail('empty');
  if (E_NOTATION.test(value)) return fail('excel-number');
  // X is only meaningful as the check character (remainder 2).
  if (!/^\d*X?$/.test(value)) return fail('characters');
  if (value.length !== 18) return fail('length');

  const addressCode = value.slice(0, 6);
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return fail('address-code');
  // Deliberately no county lookup: IDs keep the code of the county that issued them even after
  // the county is abolished or renumbered (domain.md §11).

  const birthDate = parseCompactDate(value.slice(6, 14));
  if (birthDate === null || birthDate < '1900-01-01' || birthDate > todayIso(options.today)) {
    return fail('birth-date');
  }

  if (checkDigitFor(value.slice(0, 17)) !== value[17]) return fail('check-digit');

  const sex: IdNumberSex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value, birthDate, sex, addressCode };
}

export function isValidIdNumber(raw: unknown, options: ValidateIdNumberOptions = {}): boolean {
  return validateIdNumber(raw, options).ok;
}

/**
 * Builds a well-formed ID (for test-data generators). Does not check the province or whether the
 * date is real, so generators can also build deliberately broken IDs with a correct check digit.
 */
export function makeIdNumber(addressCode6: string, birthYYYYMMDD: string, seq3: string | number): string {
  const seq = typeof seq3 === 'number' ? String(seq3).padStart(3, '0') : seq3;
  if (!/^\d{6}$/.test(addressCode6)) throw new RangeError(`address code must be 6 digits: ${addressCode6}`);
  if (!/^\d{8}$/.test(birthYYYYMMDD)) throw new RangeError(`birth date must be YYYYMMDD: ${birthYYYYMMDD}`);
  if (!/^\d{3}$/.test(seq)) throw new RangeError(`sequence must be 3 digits: ${seq3}`);
  const first17 = addressCode6 + birthYYYYMMDD + seq;
  return first17 + checkDigitFor(first17);
}

/**
 * Accepts anything (cell value, form field), yields the normalised ID. The first issue carries the
 * Chinese message; `params.reason` carries the machine-readable IdNumberProblem.
 */
export const idNumberSchema = z.unknown().transform((raw, ctx) => {
  const r = validateIdNumber(raw);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.message, params: { reason: r.reason } });
    return z.NEVER;
  }
  return r.value;
});
