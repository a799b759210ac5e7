import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PROVINCE_CODE_LIST, makeIdNumber } from './id-number.ts';
import { containsUnmaskedPersonalData, maskBankAccount, maskIdNumber, maskPhone } from './masking.ts';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

const idArb = fc
  .record({
    province: fc.constantFrom(...PROVINCE_CODE_LIST),
    county: digits(4),
    day: fc.integer({ min: 0, max: 45_000 }),
    seq: digits(3),
  })
  .map(({ province, county, day, seq }) => {
    const birth = new Date(Date.UTC(1900, 0, 1) + day * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    return makeIdNumber(province + county, birth, seq);
  });

const mobileArb = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([second, rest]) => `1${second}${rest}`);
const cardArb = fc.integer({ min: 16, max: 19 }).chain((n) => digits(n - 1).map((d) => `6${d}`));

describe('maskIdNumber', () => {
  it('shows first 6, 8 stars, last 4', () => {
    expect(maskIdNumber('533423199001011234')).toBe('533423********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber(null)).toBe('');
  });

  it('never reveals more than first 6 + last 4, whatever the length', () => {
    expect(maskIdNumber('533423900101123')).toBe('533423*****1123');
    expect(maskIdNumber('53342319')).toBe('53****19');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789X'), maxLength: 30 }), (s) => {
        const masked = maskIdNumber(s);
        expect(masked.length).toBe(s.length);
        const revealed = masked.replace(/\*/g, '').length;
        expect(revealed).toBeLessThanOrEqual(10);
        expect(revealed).toBeLessThanOrEqual(Math.ceil(s.length / 2));
      }),
    );
  });

  it('never contains the 8 birth-date digits, and the scanner finds the raw ID but not the mask', () => {
    fc.assert(
      fc.property(idArb, (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
        expect(masked).not.toContain(id.slice(6, 14));
        expect(containsUnmaskedPersonalData(`身份证号：${masked}`)).toEqual([]);
        expect(containsUnmaskedPersonalData(`身份证号：${id}`)).toEqual([id]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    [' 138 1234 5678 ', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['１３８１２３４５６７８', '138****5678'],
    ['0887-8221234', '0887-***1234'],
    ['010-12345678', '010-****5678'],
    ['(0871)65123456', '0871-****3456'],
    ['（0871）65123456', '0871-****3456'],
    ['08878221234', '0887-***1234'],
    ['01012345678', '010-****5678'],
    ['0887-8221234-801', '0887-***1234'],
    ['8221234', '*******'],
    ['', ''],
  ])('%s → %s', (raw, expected) => {
    expect(maskPhone(raw)).toBe(expected);
  });

  it('masked mobiles are not flagged; raw ones are', () => {
    fc.assert(
      fc.property(mobileArb, (m) => {
        const masked = maskPhone(m);
        expect(masked).toBe(`${m.slice(0, 3)}****${m.slice(7)}`);
        expect(containsUnmaskedPersonalData(`电话 ${masked}`)).toEqual([]);
        expect(containsUnmaskedPersonalData(`电话 ${m}`)).toEqual([m]);
      }),
    );
  });
});

describe('maskBankAccount', () => {
  it('shows only the last 4 digits', () => {
    expect(maskBankAccount('6222021234567890123')).toBe('***************0123');
    expect(maskBankAccount('6222 0212 3456 7890')).toBe('************7890');
    expect(maskBankAccount('1234567')).toBe('*******');
    expect(maskBankAccount(undefined)).toBe('');
  });

  it('masked card numbers are not flagged; raw ones are', () => {
    fc.assert(
      fc.property(cardArb, (card) => {
        const masked = maskBankAccount(card);
        expect(masked.replace(/\*/g, '')).toBe(card.slice(-4));
        expect(containsUnmaskedPersonalData(JSON.stringify({ account: masked }))).toEqual([]);
        expect(containsUnmaskedPersonalData(JSON.stringify({ account: card }))).toEqual([card]);
      }),
    );
  });
});

describe('containsUnmaskedPersonalData', () => {
  it('finds each kind in a mixed text, in order', () => {
    const id = makeIdNumber('533423', '19900101', '123');
    const text = `户主 ${id}，电话13812345678，卡号 6222021234567890123；备用 +8613912345678，0086 15912345678`;
    expect(containsUnmaskedPersonalData(text)).toEqual([id, '13812345678', '6222021234567890123', '+8613912345678', '15912345678']);
  });

  it('finds grouped mobiles and cards, and full-width digits', () => {
    expect(containsUnmaskedPersonalData('tel: 138 1234 5678.')).toEqual(['138 1234 5678']);
    expect(containsUnmaskedPersonalData('tel: 138-1234-5678.')).toEqual(['138-1234-5678']);
    expect(containsUnmaskedPersonalData('card 6222 0212 3456 7890 123')).toEqual(['6222 0212 3456 7890 123']);
    expect(containsUnmaskedPersonalData('电话１３８１２３４５６７８')).toEqual(['１３８１２３４５６７８']);
  });

  it('finds an ID with X and lowercase x', () => {
    expect(containsUnmaskedPersonalData('id=11010519491231002X')).toEqual(['11010519491231002X']);
    expect(containsUnmaskedPersonalData('id=11010519491231002x;')).toEqual(['11010519491231002x']);
  });

  it('ignores masked forms and ordinary numbers', () => {
    const text = [
      '533423********1234',
      '138****5678',
      '***************0123',
      '0887-***1234',
      '金额 1234567.89',
      '时间戳 1700000000000',
      '12345678901', // 11 digits but not 1[3-9]
      '213812345678', // mobile inside a longer run
      '138123456789', // 12 digits
      '2024-06-15T10:00:00Z',
    ].join('\n');
    expect(containsUnmaskedPersonalData(text)).toEqual([]);
  });

  it('does not flag an 18-digit run with a wrong check digit as an ID but does flag it as a possible card', () => {
    const id = makeIdNumber('533423', '19900101', '123');
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(containsUnmaskedPersonalData(wrong)).toEqual([wrong]);
  });

  it('never flags text made only of masks', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(idArb.map(maskIdNumber), mobileArb.map(maskPhone), cardArb.map(maskBankAccount))), (parts) => {
        expect(containsUnmaskedPersonalData(parts.join(''))).toEqual([]);
        expect(containsUnmaskedPersonalData(parts.join(' '))).toEqual([]);
      }),
    );
  });
});
