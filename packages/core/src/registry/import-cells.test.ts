import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ID_NUMBER_MESSAGES, makeIdNumber } from '../id-number.ts';
import { neutraliseSpreadsheetCell, normaliseText, parseBoolCell, parseIdCell, parseIntCell, parseYuanCell, unwrapCell } from './import-cells.ts';

const ID = makeIdNumber('533423', '19850317', '121');
const toFullWidth = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

describe('normaliseText', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['', ''],
    ['  和 建华  ', '和 建华'],
    ['a\u3000\u3000b', 'a b'],
    ['a\u00a0\n\tb', 'a b'],
    ['zero\u200bwidth\ufeff', 'zerowidth'],
    ['ＡＢＣ１２３（一）', 'ABC123(一)'],
    ['脱贫户，一般农户', '脱贫户,一般农户'],
    ['中文标点、保留。', '中文标点、保留。'],
    [42, '42'],
    [true, 'true'],
    [{ richText: [{ text: '脱贫' }, { text: '户', font: { bold: true } }] }, '脱贫户'],
    [{ formula: 'A1&B1', result: ' 一般农户 ' }, '一般农户'],
    [{ sharedFormula: 'B2', result: 12 }, '12'],
    [{ formula: 'A1' }, ''],
    [{ text: '链接', hyperlink: 'https://example.org' }, '链接'],
    [{ error: '#N/A' }, '#N/A'],
    [new Date(Date.UTC(2024, 2, 5)), '2024-03-05'],
    [{ unknown: 1 }, ''],
  ])('%j → %j', (cell, expected) => {
    expect(normaliseText(cell)).toBe(expected);
  });

  it('is idempotent and never leaves outer or doubled whitespace', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = normaliseText(s);
        expect(normaliseText(once)).toBe(once);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/\s\s/);
      }),
    );
  });

  it('full-width ASCII always becomes its half-width twin', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[!-~]{1,20}$/), (s) => {
        expect(normaliseText(toFullWidth(s))).toBe(s);
      }),
    );
  });

  it('unwrapCell stops on nested hostile objects', () => {
    let v: unknown = 'x';
    for (let i = 0; i < 10; i++) v = { formula: 'A1', result: v };
    expect(() => unwrapCell(v)).not.toThrow();
    expect(normaliseText(v)).toBe('');
  });
});

describe('parseIdCell', () => {
  it('accepts text, full-width, spaced, rich text and formula IDs', () => {
    for (const cell of [ID, ` ${ID} `, toFullWidth(ID), { richText: [{ text: ID.slice(0, 9) }, { text: ID.slice(9) }] }, { formula: 'A1', result: ID }]) {
      expect(parseIdCell(cell)).toEqual({ ok: true, value: ID, birthDate: '1985-03-17', sex: 'male' });
    }
  });

  it('rejects an ID stored as a number, or as E-notation text, with the excel-number problem', () => {
    for (const cell of [Number(ID.slice(0, 17)), 5.33423198503171e17, '5.33423E+17', { formula: 'A1', result: 533423198503171200 }]) {
      expect(parseIdCell(cell)).toEqual({ ok: false, problem: 'excel-number', reason: ID_NUMBER_MESSAGES['excel-number'] });
    }
  });

  it('reports other problems with their Chinese message', () => {
    expect(parseIdCell('')).toMatchObject({ ok: false, problem: 'empty', reason: '身份证号不能为空' });
    expect(parseIdCell(ID.slice(0, 17))).toMatchObject({ ok: false, problem: 'length' });
    expect(parseIdCell(makeIdNumber('533423', '20300101', '001'), { today: '2025-01-01' })).toMatchObject({ ok: false, problem: 'birth-date' });
  });
});

describe('parseYuanCell', () => {
  it.each([
    [null, 0],
    ['', 0],
    ['   ', 0],
    [{ formula: 'A1' }, 0],
    ['1,234.5', 123_450],
    ['１，２３４．５', 123_450],
    ['¥88', 8_800],
    ['88元', 8_800],
    [1234.5, 123_450],
    [0, 0],
    [0.1 + 0.2, 30],
    [{ formula: 'B2+C2', result: 1.1 + 2.2 }, 330],
    [{ richText: [{ text: '12' }, { text: '.50' }] }, 1_250],
  ])('%j → %s fen', (cell, fen) => {
    expect(parseYuanCell(cell)).toEqual({ ok: true, value: fen });
  });

  it.each([
    ['-5', '金额不能为负数'],
    [-0.01, '金额不能为负数'],
    ['1.005', '金额最多保留两位小数：1.005'],
    [1.005, '金额最多保留两位小数：1.005'],
    ['abc', '金额格式不正确：abc'],
    [Number.NaN, '金额不是有效数字'],
    [Number.POSITIVE_INFINITY, '金额不是有效数字'],
    [true, '金额格式不正确：true'],
  ])('%j → error %s', (cell, reason) => {
    expect(parseYuanCell(cell)).toEqual({ ok: false, reason });
  });

  it('reads every two-decimal number cell exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (fen) => {
        expect(parseYuanCell(fen / 100)).toEqual({ ok: true, value: fen });
      }),
    );
  });
});

describe('parseBoolCell', () => {
  it.each([
    ['是', true],
    ['否', false],
    ['Y', true],
    ['n', false],
    ['ＹＥＳ', true],
    ['1', true],
    [0, false],
    [1, true],
    [true, true],
    [false, false],
    ['TRUE', true],
    ['false', false],
    ['√', true],
    ['×', false],
    [' 是 ', true],
  ])('%j → %s', (cell, value) => {
    expect(parseBoolCell(cell)).toEqual({ ok: true, value });
  });

  it('blank is an error unless blankAs is given; unknown text is an error', () => {
    expect(parseBoolCell('')).toEqual({ ok: false, reason: '请填写"是"或"否"' });
    expect(parseBoolCell(null, { blankAs: false })).toEqual({ ok: true, value: false });
    expect(parseBoolCell('也许')).toMatchObject({ ok: false, reason: expect.stringContaining('也许') });
    expect(parseBoolCell(2).ok).toBe(false);
    expect(parseBoolCell('X').ok).toBe(false); // ambiguous: a ticked box or a cross
  });
});

describe('parseIntCell', () => {
  it.each([
    ['3', 3],
    [' ３ ', 3],
    [3, 3],
    ['3.0', 3],
    ['-2', -2],
    ['-0', 0],
    ['1,024', 1024],
    [{ formula: 'A1+1', result: 7 }, 7],
  ])('%j → %s', (cell, value) => {
    expect(parseIntCell(cell)).toEqual({ ok: true, value });
  });

  it.each([['3.5'], [3.5], ['1e3'], ['abc'], [2 ** 53], ['9007199254740993'], [Number.NaN]])('%j is not an integer', (cell) => {
    expect(parseIntCell(cell).ok).toBe(false);
  });

  it('applies bounds and blankAs', () => {
    expect(parseIntCell('')).toEqual({ ok: false, reason: '不能为空' });
    expect(parseIntCell('', { blankAs: 0 })).toEqual({ ok: true, value: 0 });
    expect(parseIntCell('0', { min: 1 })).toEqual({ ok: false, reason: '0 小于最小值 1' });
    expect(parseIntCell(5, { max: 4 })).toEqual({ ok: false, reason: '5 大于最大值 4' });
    expect(parseIntCell(4, { min: 1, max: 4 })).toEqual({ ok: true, value: 4 });
  });
});

describe('neutraliseSpreadsheetCell', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['和建华', '和建华'],
    ['a=1', 'a=1'],
    ['', ''],
    ["'=1", "'=1"],
  ])('%j → %j', (input, output) => {
    expect(neutraliseSpreadsheetCell(input)).toBe(output);
  });

  it('the result never starts with a formula trigger and keeps the text after the guard', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = neutraliseSpreadsheetCell(s);
        expect(out).not.toMatch(/^[=+\-@\t\r]/);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
    );
  });
});
