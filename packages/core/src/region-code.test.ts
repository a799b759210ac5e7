import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  countyCodeOf,
  isPaddedRegionCode,
  isRegionPrefix,
  isWithinScope,
  padRegionCode,
  parentPrefix,
  regionLevelOf,
  regionPrefixSchema,
  toPrefix,
  villageCodeSchema,
  villageKind,
} from './region-code.ts';

const group = (width: number) =>
  fc.integer({ min: 1, max: 10 ** width - 1 }).map((n) => String(n).padStart(width, '0'));

/** A natural prefix at a random level (every group non-zero). */
const prefixArb = fc
  .tuple(group(2), group(2), group(2), group(3), group(3), fc.integer({ min: 1, max: 5 }))
  .map(([p, c, k, t, v, depth]) => [p, c, k, t, v].slice(0, depth).join(''));

describe('regionLevelOf', () => {
  it.each([
    ['53', 'province'],
    ['5334', 'city'],
    ['533423', 'county'],
    ['533423101', 'township'],
    ['533423101201', 'village'],
    ['533423000000', 'county'],
    ['533423101000', 'township'],
    ['530000000000', 'province'],
  ] as const)('%s → %s', (code, level) => {
    expect(regionLevelOf(code)).toBe(level);
  });

  it('rejects other lengths and non-digits', () => {
    for (const bad of ['', '5', '533', '53342', '5334231', '53342310', '5334231012', '53342310120', '5334231012011', '53a4', '00']) {
      expect(() => regionLevelOf(bad)).toThrow(RangeError);
    }
  });
});

describe('toPrefix / padRegionCode', () => {
  it('trims trailing zero groups', () => {
    expect(toPrefix('533423000000')).toBe('533423');
    expect(toPrefix('533423101000')).toBe('533423101');
    expect(toPrefix('533423101201')).toBe('533423101201');
    expect(toPrefix('533400000000')).toBe('5334');
    expect(toPrefix('110000000000')).toBe('11');
    // Zero digits inside a group are not a zero group.
    expect(toPrefix('533423100000')).toBe('533423100');
    expect(toPrefix('110101001000')).toBe('110101001');
    expect(toPrefix('533400')).toBe('5334');
  });

  it('throws for the all-zero code and for gaps', () => {
    expect(() => toPrefix('000000000000')).toThrow(RangeError);
    expect(() => toPrefix('530023000000')).toThrow(RangeError);
    expect(() => toPrefix('53342310100')).toThrow(RangeError);
  });

  it('round-trips prefixes', () => {
    fc.assert(
      fc.property(prefixArb, (p) => {
        const padded = padRegionCode(p);
        expect(padded).toMatch(/^\d{12}$/);
        expect(isPaddedRegionCode(padded)).toBe(true);
        expect(toPrefix(padded)).toBe(p);
        expect(regionLevelOf(padded)).toBe(regionLevelOf(p));
      }),
    );
  });

  it('padRegionCode rejects non-prefixes', () => {
    expect(() => padRegionCode('530000')).toThrow(RangeError);
    expect(() => padRegionCode('5')).toThrow(RangeError);
  });
});

describe('parentPrefix', () => {
  it('walks up one level at a time', () => {
    expect(parentPrefix('533423101201')).toBe('533423101');
    expect(parentPrefix('533423101')).toBe('533423');
    expect(parentPrefix('533423')).toBe('5334');
    expect(parentPrefix('5334')).toBe('53');
    expect(parentPrefix('53')).toBeNull();
  });

  it('a parent is a prefix one level up, and the child is within its scope', () => {
    fc.assert(
      fc.property(prefixArb, (p) => {
        const parent = parentPrefix(p);
        if (parent === null) {
          expect(p).toHaveLength(2);
          return;
        }
        expect(isRegionPrefix(parent)).toBe(true);
        expect(p.startsWith(parent)).toBe(true);
        expect(isWithinScope(padRegionCode(p), parent)).toBe(true);
      }),
    );
  });
});

describe('isWithinScope', () => {
  it('matches by prefix', () => {
    expect(isWithinScope('533423101201', '533423')).toBe(true);
    expect(isWithinScope('533423101201', '53')).toBe(true);
    expect(isWithinScope('533423101201', '533423101201')).toBe(true);
    expect(isWithinScope('533423000000', '533423')).toBe(true);
    expect(isWithinScope('533423101201', '533423000000')).toBe(true);
    expect(isWithinScope('533422101201', '533423')).toBe(false);
    expect(isWithinScope('533423101201', '533423102')).toBe(false);
  });

  it('fails closed on malformed input and on records above the scope', () => {
    expect(isWithinScope('533423101201', '')).toBe(false);
    expect(isWithinScope('533423101201', '000000000000')).toBe(false);
    expect(isWithinScope('533423101201', '533400')).toBe(false);
    expect(isWithinScope('533423101201', '5')).toBe(false);
    expect(isWithinScope('', '53')).toBe(false);
    expect(isWithinScope('53342310120x', '53')).toBe(false);
    expect(isWithinScope('5334', '533423')).toBe(false);
    expect(isWithinScope('533400000000', '533423')).toBe(false);
  });

  it('a code is in a scope exactly when it is in the scope of its own ancestors', () => {
    fc.assert(
      fc.property(prefixArb, prefixArb, (record, scope) => {
        expect(isWithinScope(padRegionCode(record), scope)).toBe(padRegionCode(record).startsWith(scope));
      }),
    );
  });
});

describe('countyCodeOf', () => {
  it('takes the first 6 digits', () => {
    expect(countyCodeOf('533423101201')).toBe('533423');
    expect(countyCodeOf('533423')).toBe('533423');
    expect(() => countyCodeOf('5334')).toThrow(RangeError);
  });
});

describe('villageKind', () => {
  it.each([
    ['533423001001', 'street', 'residents-committee'],
    ['533423099199', 'street', 'residents-committee'],
    ['533423100200', 'town', 'village'],
    ['533423199399', 'town', 'village'],
    ['533423200201', 'township', 'village'],
    ['533423399001', 'township', 'residents-committee'],
    ['533423400400', 'other', 'other'],
  ] as const)('%s → %s / %s', (code, township, village) => {
    expect(villageKind(code)).toEqual({ township, village });
  });

  it('rejects codes that are not villages', () => {
    expect(() => villageKind('533423101000')).toThrow(RangeError);
    expect(() => villageKind('533423000201')).toThrow(RangeError);
    expect(() => villageKind('5334231012')).toThrow(RangeError);
  });
});

describe('schemas', () => {
  it('regionPrefixSchema accepts natural prefixes only', () => {
    expect(regionPrefixSchema.parse(' 533423 ')).toBe('533423');
    for (const bad of ['533400', '5334231', '', 'abcd', '533423000000']) {
      expect(regionPrefixSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('villageCodeSchema accepts 12-digit village codes only', () => {
    expect(villageCodeSchema.parse('533423101201')).toBe('533423101201');
    for (const bad of ['533423101', '533423101000', '53342310120', '5334231012011']) {
      expect(villageCodeSchema.safeParse(bad).success).toBe(false);
    }
  });
});
