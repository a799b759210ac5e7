import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MoneyFormatError, divideFenRounded, fenToYuan, formatYuan, parseYuan, sumFen, yuanToFen } from './money.ts';

const fenArb = fc.integer({ min: -1e13, max: 1e13 });

describe('yuanToFen', () => {
  it.each([
    ['0', 0],
    ['0.1', 10],
    ['0.01', 1],
    ['1234.5', 123450],
    ['1,234.50', 123450],
    ['1,234,567.89', 123456789],
    ['-12.34', -1234],
    ['+5', 500],
    ['-0.00', 0],
    ['  13847 ', 1384700],
    ['１２３４．５６', 123456],
    ['１，２３４．５０', 123450],
    ['¥88', 8800],
    ['25185元', 2518500],
    ['13927.62', 1392762],
    [0.1, 10],
    [13927.62, 1392762],
    [-0.07, -7],
    [1e6, 100000000],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ] as const)('%s → %s fen', (input, fen) => {
    expect(yuanToFen(input)).toBe(fen);
  });

  it.each([['1.005'], ['0.001'], ['1.500'], [1.005], [''], ['abc'], ['1e3'], ['NaN'], ['Infinity'], [NaN], [Infinity], [-Infinity], ['12,34'], ['1,2345'], ['1.'], ['.5'], ['1..2'], ['--1'], ['99999999999999999'], ['99999999999999.99'], ['90071992547409.92'], [1e21]])(
    'rejects %s',
    (input) => {
      expect(() => yuanToFen(input)).toThrow(MoneyFormatError);
    },
  );

  it('gives a specific message for too many decimals', () => {
    const r = parseYuan('1.005');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/两位小数/);
    expect(parseYuan(null)).toMatchObject({ ok: false });
    expect(parseYuan('3.20')).toEqual({ ok: true, fen: 320 });
  });

  it('0.1 + 0.2 in fen equals 0.3', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumFen(yuanToFen('0.1'), yuanToFen('0.2'))).toBe(yuanToFen('0.3'));
    expect(sumFen(yuanToFen(0.1), yuanToFen(0.2))).toBe(30);
  });

  it('is exact for every cent amount written as text, up to the safe-integer limit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -BigInt(Number.MAX_SAFE_INTEGER), max: BigInt(Number.MAX_SAFE_INTEGER) }), (cents) => {
        const abs = cents < 0n ? -cents : cents;
        const text = `${cents < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
        expect(yuanToFen(text)).toBe(Number(cents));
      }),
    );
  });
});

describe('fenToYuan / formatYuan', () => {
  it('formats', () => {
    expect(fenToYuan(123450)).toBe('1234.50');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(-5)).toBe('-0.05');
    expect(fenToYuan(0)).toBe('0.00');
    expect(formatYuan(123450)).toBe('1,234.50 元');
    expect(formatYuan(2518500)).toBe('25,185.00 元');
    expect(formatYuan(-123456789)).toBe('-1,234,567.89 元');
    expect(formatYuan(99)).toBe('0.99 元');
    expect(() => fenToYuan(1.5)).toThrow(MoneyFormatError);
  });

  it('round-trips fen → yuan text → fen', () => {
    fc.assert(
      fc.property(fenArb, (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toBe(fen);
        expect(yuanToFen(formatYuan(fen))).toBe(fen);
      }),
    );
  });

  it('round-trips yuan numbers with at most 2 decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (fen) => {
        expect(yuanToFen(fen / 100)).toBe(fen);
      }),
    );
  });
});

describe('sumFen', () => {
  it('adds exactly and rejects non-integers and overflow', () => {
    expect(sumFen()).toBe(0);
    expect(sumFen(1, 2, 3)).toBe(6);
    expect(() => sumFen(1, 0.5)).toThrow(MoneyFormatError);
    expect(() => sumFen(Number.MAX_SAFE_INTEGER, 1)).toThrow(MoneyFormatError);
  });

  it('matches the bigint sum', () => {
    fc.assert(
      fc.property(fc.array(fenArb, { maxLength: 50 }), (xs) => {
        expect(BigInt(sumFen(...xs))).toBe(xs.reduce((a, b) => a + BigInt(b), 0n));
      }),
    );
  });
});

describe('divideFenRounded', () => {
  it('rounds half away from zero', () => {
    expect(divideFenRounded(1001, 2)).toBe(501);
    expect(divideFenRounded(-1001, 2)).toBe(-501);
    expect(divideFenRounded(1000, 3)).toBe(333);
    expect(divideFenRounded(1001, 3)).toBe(334);
    expect(divideFenRounded(2, 4)).toBe(1);
    expect(divideFenRounded(1, 4)).toBe(0);
    expect(divideFenRounded(0, 5)).toBe(0);
    expect(divideFenRounded(-1, 4)).toBe(0);
  });

  it('rejects bad divisors', () => {
    expect(() => divideFenRounded(100, 0)).toThrow(RangeError);
    expect(() => divideFenRounded(100, -2)).toThrow(RangeError);
    expect(() => divideFenRounded(100, 1.5)).toThrow(RangeError);
  });

  it('is within half a fen of the exact quotient, ties away from zero, and odd-symmetric', () => {
    fc.assert(
      fc.property(fenArb, fc.integer({ min: 1, max: 50 }), (total, n) => {
        const q = divideFenRounded(total, n);
        // |q·n − total| ≤ n/2, compared in integers.
        const diff = Math.abs(q * n - total);
        expect(2 * diff).toBeLessThanOrEqual(n);
        if (2 * diff === n) expect(Math.abs(q * n)).toBeGreaterThan(Math.abs(total));
        expect(divideFenRounded(-total, n)).toBe(-q || 0);
      }),
    );
  });
});
