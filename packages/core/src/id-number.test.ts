import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  PROVINCE_CODE_LIST,
  checkDigitFor,
  idNumberSchema,
  makeIdNumber,
  normalizeIdNumber,
  validateIdNumber,
} from './id-number.ts';

const now = new Date();
const TODAY = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
const DAY_MS = 86_400_000;
const START = Date.UTC(1900, 0, 1);
const END = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());

const isoOfDay = (dayIndex: number) => new Date(START + dayIndex * DAY_MS).toISOString().slice(0, 10);

const birthDateArb = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 0, max: Math.round((END - START) / DAY_MS) }).map(isoOfDay) },
  { weight: 1, arbitrary: fc.constantFrom('2000-02-29', '1904-02-29', '1996-02-29', '1900-01-01', TODAY) },
);

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

interface Generated {
  id: string;
  birthDate: string;
  seq: string;
  address: string;
}

const validIdArb: fc.Arbitrary<Generated> = fc
  .record({ province: fc.constantFrom(...PROVINCE_CODE_LIST), county: digits(4), birthDate: birthDateArb, seq: digits(3) })
  .map(({ province, county, birthDate, seq }) => {
    const address = province + county;
    return { id: makeIdNumber(address, birthDate.replaceAll('-', ''), seq), birthDate, seq, address };
  });

/** Same as validIdArb, but the sequence is moved on until the check character is X. */
const validIdWithXArb: fc.Arbitrary<Generated> = validIdArb.map((g) => {
  for (let k = 0; k < 1000; k++) {
    const seq = String((Number(g.seq) + k) % 1000).padStart(3, '0');
    const id = makeIdNumber(g.address, g.birthDate.replaceAll('-', ''), seq);
    if (id.endsWith('X')) return { ...g, id, seq };
  }
  throw new Error('no X check digit found');
});

const opts = { today: TODAY };

describe('checkDigitFor', () => {
  it('matches the GB 11643 worked example', () => {
    // Example from GB 11643-1999 annex: 11010519491231002X.
    expect(checkDigitFor('11010519491231002')).toBe('X');
    // Worked by hand: weighted sum 196, 196 mod 11 = 9 → '3'.
    expect(checkDigitFor('44052419800101001')).toBe('3');
    // Weighted sum 0 → remainder 0 → '1'.
    expect(checkDigitFor('00000000000000000')).toBe('1');
  });
  it('rejects malformed input', () => {
    expect(() => checkDigitFor('1234')).toThrow(RangeError);
    expect(() => checkDigitFor('1101051949123100X')).toThrow(RangeError);
  });
});

describe('validateIdNumber: generated valid IDs', () => {
  it('accepts every valid ID with the right sex, birth date and address code', () => {
    fc.assert(
      fc.property(validIdArb, ({ id, birthDate, seq, address }) => {
        const r = validateIdNumber(id, opts);
        expect(r).toEqual({
          ok: true,
          value: id,
          birthDate,
          sex: Number(seq[2]) % 2 === 1 ? 'male' : 'female',
          addressCode: address,
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts IDs whose check character is X, also written as lowercase x', () => {
    fc.assert(
      fc.property(validIdWithXArb, ({ id }) => {
        expect(id).toMatch(/X$/);
        expect(validateIdNumber(id, opts).ok).toBe(true);
        const lower = validateIdNumber(id.toLowerCase(), opts);
        expect(lower.ok && lower.value).toBe(id);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts 29 February of leap years (2000, 1904)', () => {
    for (const d of ['20000229', '19040229']) {
      const r = validateIdNumber(makeIdNumber('533423', d, '123'), opts);
      expect(r.ok).toBe(true);
    }
  });

  it('accepts codes of abolished counties', () => {
    // 532930 (old Dali code) and 110103 (Chongwen district, merged into Dongcheng in 2010).
    for (const addr of ['532930', '110103']) {
      const r = validateIdNumber(makeIdNumber(addr, '19650312', '047'), opts);
      expect(r.ok && r.addressCode).toBe(addr);
    }
  });

  it('reports sex from the 17th digit', () => {
    const male = validateIdNumber(makeIdNumber('533423', '19900101', '011'), opts);
    const female = validateIdNumber(makeIdNumber('533423', '19900101', '010'), opts);
    expect(male.ok && male.sex).toBe('male');
    expect(female.ok && female.sex).toBe('female');
  });
});

describe('validateIdNumber: corrupted IDs', () => {
  it('rejects every single-character change', () => {
    fc.assert(
      fc.property(validIdArb, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), ({ id }, pos, delta) => {
        const chars = '0123456789X';
        const current = chars.indexOf(id[pos]!);
        const replacement = chars[(current + delta) % 11]!;
        fc.pre(replacement !== id[pos]);
        const broken = id.slice(0, pos) + replacement + id.slice(pos + 1);
        expect(validateIdNumber(broken, opts).ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects every single-digit change exhaustively for a sample of IDs', () => {
    fc.assert(
      fc.property(fc.oneof(validIdArb, validIdWithXArb), ({ id }) => {
        for (let pos = 0; pos < 18; pos++) {
          for (const d of '0123456789') {
            if (d === id[pos]) continue;
            const broken = id.slice(0, pos) + d + id.slice(pos + 1);
            expect(validateIdNumber(broken, opts).ok, broken).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('rejects every adjacent swap of two different characters', () => {
    fc.assert(
      fc.property(fc.oneof(validIdArb, validIdWithXArb), ({ id }) => {
        for (let pos = 0; pos < 17; pos++) {
          if (id[pos] === id[pos + 1]) continue;
          const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
          expect(validateIdNumber(swapped, opts).ok, swapped).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reports check-digit when only the check character is wrong', () => {
    const id = makeIdNumber('533423', '19900101', '123');
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(validateIdNumber(wrong, opts)).toMatchObject({ ok: false, reason: 'check-digit' });
  });
});

describe('validateIdNumber: specific problems', () => {
  const good = makeIdNumber('533423', '19900101', '123');

  it.each([
    [undefined, 'empty'],
    [null, 'empty'],
    ['', 'empty'],
    ['   ', 'empty'],
    // What a spreadsheet cell read as a number gives: the literal would lose precision, which is the point.
    [Number('533423199001011234'), 'excel-number'],
    [5.33423e17, 'excel-number'],
    ['5.33423E+17', 'excel-number'],
    ['5.33423199001011E+17', 'excel-number'],
    ['5.33423e17', 'excel-number'],
    ['53342319900101123', 'length'],
    ['5334231990010112345', 'length'],
    ['533423900101123', 'length'],
    ['53342319900101123A', 'characters'],
    ['5334231990X1011234', 'characters'],
    ['533423-19900101-1234', 'characters'],
    [{}, 'characters'],
  ] as const)('%s → %s', (raw, reason) => {
    const r = validateIdNumber(raw, opts);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.message).toMatch(/身份证号/);
    }
  });

  it('uses the prescribed Excel message', () => {
    const r = validateIdNumber('5.33423E+17', opts);
    expect(!r.ok && r.message).toBe('身份证号被 Excel 存成了数字，后几位已丢失，请把该列设为文本后重新填写');
  });

  it('does not treat a text ID ending in zeros as an Excel number', () => {
    const id = makeIdNumber('533423', '19900101', '000');
    const r = validateIdNumber(id, opts);
    if (r.ok) expect(r.value).toBe(id);
    else expect(r.reason).not.toBe('excel-number');
    // A numeric cell with the same digits is rejected regardless.
    expect(validateIdNumber(Number(id.slice(0, 17) + '0'), opts)).toMatchObject({ reason: 'excel-number' });
  });

  it.each([
    ['19010229', 'non-leap 29 Feb'],
    ['19000229', 'century non-leap (1900)'],
    ['21000229', 'century non-leap'],
    ['19900230', '30 Feb'],
    ['19901301', 'month 13'],
    ['19900100', 'day 0'],
    ['19900431', '31 April'],
    ['18991231', 'before 1900'],
  ])('rejects birth date %s (%s)', (d) => {
    expect(validateIdNumber(makeIdNumber('533423', d, '123'), opts)).toMatchObject({ ok: false, reason: 'birth-date' });
  });

  it('rejects a birth date after the injected today, accepts it on that day', () => {
    const id = makeIdNumber('533423', '20240615', '123');
    expect(validateIdNumber(id, { today: '2024-06-14' })).toMatchObject({ ok: false, reason: 'birth-date' });
    expect(validateIdNumber(id, { today: '2024-06-15' }).ok).toBe(true);
    expect(validateIdNumber(id, { today: new Date(2024, 5, 14, 23, 59) })).toMatchObject({ reason: 'birth-date' });
  });

  it('rejects invalid province codes', () => {
    for (const p of ['00', '10', '16', '20', '24', '30', '38', '40', '47', '55', '60', '66', '70', '72', '80', '84', '90', '99']) {
      expect(validateIdNumber(makeIdNumber(`${p}3423`, '19900101', '123'), opts)).toMatchObject({
        ok: false,
        reason: 'address-code',
      });
    }
    for (const p of ['71', '81', '82', '83', '46', '65']) {
      expect(validateIdNumber(makeIdNumber(`${p}0000`, '19900101', '123'), opts).ok).toBe(true);
    }
  });

  it('accepts a valid ID with surrounding/inner spaces and returns it normalised', () => {
    const spaced = ` ${good.slice(0, 6)} ${good.slice(6, 14)}\u3000${good.slice(14)} `;
    expect(validateIdNumber(spaced, opts)).toMatchObject({ ok: true, value: good });
  });

  it('accepts a bigint holding all digits', () => {
    const numeric = ['124', '125', '126'].map((s) => makeIdNumber('533423', '19900101', s)).find((id) => !id.endsWith('X'))!;
    expect(validateIdNumber(BigInt(numeric), opts)).toMatchObject({ ok: true, value: numeric });
  });
});

describe('normalizeIdNumber', () => {
  it('turns full-width digits and Ｘ into ASCII', () => {
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(normalizeIdNumber(undefined)).toBe('');
  });

  it('full-width form of any valid ID validates to the ASCII form', () => {
    fc.assert(
      fc.property(validIdArb, ({ id }) => {
        const wide = [...id].map((c) => String.fromCharCode(c === 'X' ? 0xff38 : c.charCodeAt(0) - 0x30 + 0xff10)).join('');
        expect(validateIdNumber(wide, opts)).toMatchObject({ ok: true, value: id });
      }),
    );
  });
});

describe('makeIdNumber', () => {
  it('builds an ID with its check digit and rejects malformed parts', () => {
    expect(makeIdNumber('110105', '19491231', '002')).toBe('11010519491231002X');
    expect(makeIdNumber('110105', '19491231', 2)).toBe('11010519491231002X');
    expect(() => makeIdNumber('11010', '19491231', '002')).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '1949-12-31', '002')).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '19491231', '2')).toThrow(RangeError);
  });
});

describe('idNumberSchema', () => {
  it('yields the normalised ID or a Chinese issue with the reason', () => {
    expect(idNumberSchema.parse(' 11010519491231002x')).toBe('11010519491231002X');
    const r = idNumberSchema.safeParse('5.33423E+17');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/Excel/);
  });
});
