import { normalizeIdNumber, validateIdNumber } from './id-number.ts';

/**
 * Display masking for personal data (domain.md §11): ID `533423********1234`, phone `138****5678`.
 * Masks are for display/export only; they are never parsed back.
 */

function toHalfWidthDigits(s: string): string {
  return s.replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 0x30));
}

function stars(n: number): string {
  return '*'.repeat(Math.max(0, n));
}

/**
 * First 6 + stars + last 4 for 14+ characters (18-digit IDs give exactly 8 stars, old 15-digit IDs 5).
 * Shorter (malformed) values reveal proportionally less so that at least half is always hidden.
 */
export function maskIdNumber(raw: unknown): string {
  const s = normalizeIdNumber(raw);
  const n = s.length;
  if (n === 0) return '';
  const head = n >= 14 ? 6 : Math.floor(n / 4);
  const tail = n >= 14 ? 4 : Math.floor(n / 4);
  return s.slice(0, head) + stars(n - head - tail) + s.slice(n - tail);
}

/** Area codes 010 and 02x are 3 digits; all other Chinese area codes are 4 (incl. the leading 0). */
function areaCodeLength(digits: string): number {
  return /^0(?:10|2\d)/.test(digits) ? 3 : 4;
}

/**
 * Mobile: `138****5678` (a +86/0086 prefix is dropped). Landline: area code kept, subscriber number
 * starred except its last 4 (`0887-****5678`); extensions are dropped. Anything else shows at most
 * its last 4 digits, and nothing at all when shorter than 8.
 */
export function maskPhone(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  const s = toHalfWidthDigits(String(raw)).replace(/[\s\u200B-\u200D\uFEFF]/g, '').replace(/（/g, '(').replace(/）/g, ')');
  if (s === '') return '';

  const compact = s.replace(/[-()]/g, '');
  const mobile = /^(?:\+?86|0086)?(1\d{10})$/.exec(compact);
  if (mobile) {
    const m = mobile[1]!;
    return `${m.slice(0, 3)}****${m.slice(7)}`;
  }

  // Landline written with an explicit area-code separator: "0887-8221234", "(0887)8221234".
  const separated = /^\(?(0\d{2,3})\)?-?(\d{7,8})(?:(?:-|转|#|ext\.?)\d{1,6})?$/i.exec(s);
  if (separated && (s.includes('-') || s.includes('('))) {
    const sub = separated[2]!;
    return `${separated[1]}-${stars(sub.length - 4)}${sub.slice(-4)}`;
  }
  if (/^0\d{9,11}$/.test(compact)) {
    const a = areaCodeLength(compact);
    const sub = compact.slice(a);
    if (sub.length >= 7 && sub.length <= 8) return `${compact.slice(0, a)}-${stars(sub.length - 4)}${sub.slice(-4)}`;
  }

  const digits = compact.replace(/\D/g, '');
  if (digits.length >= 8) return stars(digits.length - 4) + digits.slice(-4);
  return stars(digits.length || s.length);
}

/** Only the last 4 digits are shown; shorter than 8 digits shows nothing. */
export function maskBankAccount(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  const digits = toHalfWidthDigits(String(raw)).replace(/[\s\-\u200B-\u200D\uFEFF]/g, '');
  if (digits === '') return '';
  if (digits.length < 8) return stars(digits.length);
  return stars(digits.length - 4) + digits.slice(-4);
}

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Scanner for tests over API responses, exports and logs. Returns, in order of appearance, every
 * substring that looks like unmasked personal data:
 * - an 18-character resident ID that passes full validation (province, date, check digit);
 * - an 11-digit mobile number 1[3-9]xxxxxxxxx that is a whole digit run (also "+86…", "0086…",
 *   and the grouped forms "138 1234 5678" / "138-1234-5678");
 * - a 16–19 digit run that is not an ID (bank card / account; no Luhn check on purpose, because
 *   many rural passbook and social-security accounts do not satisfy Luhn), also in 4-digit groups.
 * Full-width digits count as digits. Masked forms contain `*` and never form such runs.
 */
export function containsUnmaskedPersonalData(text: string): string[] {
  // Full-width digits are single UTF-16 units, so indices into `t` are valid in `text`.
  const t = toHalfWidthDigits(text);
  const hits: { index: number; value: string }[] = [];

  // Maximal digit runs, optionally followed by an ID check character X.
  for (const m of t.matchAll(/\d+[Xx]?/g)) {
    const run = m[0];
    const index = m.index;
    const digits = run.replace(/[Xx]$/, '');
    const original = text.slice(index, index + run.length);
    if (run.length === 18 && validateIdNumber(run, { today: '9999-12-31' }).ok) {
      hits.push({ index, value: original });
      continue;
    }
    if (digits.length === 11 && MOBILE.test(digits)) {
      hits.push({ index, value: text.slice(index, index + 11) });
      continue;
    }
    if (digits.length === 13 && digits.startsWith('86') && MOBILE.test(digits.slice(2)) && t[index - 1] === '+') {
      hits.push({ index: index - 1, value: text.slice(index - 1, index + 13) });
      continue;
    }
    if (digits.length === 15 && digits.startsWith('0086') && MOBILE.test(digits.slice(4))) {
      hits.push({ index, value: text.slice(index, index + 15) });
      continue;
    }
    if (digits.length >= 16 && digits.length <= 19) {
      hits.push({ index, value: text.slice(index, index + digits.length) });
    }
  }

  // Grouped forms: the single-run pass above sees only short fragments of these. A group inside a longer token of
  // letters and hyphens (a UUID such as …f167-8582-4402-9c1b…) is not a phone number.
  for (const m of t.matchAll(/(?<![\w*-])1[3-9]\d([ -])\d{4}\1\d{4}(?![\w*]|-\w)/g)) {
    hits.push({ index: m.index, value: text.slice(m.index, m.index + m[0].length) });
  }
  for (const m of t.matchAll(/(?<![\d*])\d{4}(?:([ -])\d{4})(?:\1\d{4}){2}(?:\1\d{1,3})?(?![\d*])/g)) {
    hits.push({ index: m.index, value: text.slice(m.index, m.index + m[0].length) });
  }

  hits.sort((a, b) => a.index - b.index);
  return hits.map((h) => h.value);
}
