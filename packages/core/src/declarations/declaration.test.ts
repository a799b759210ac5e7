import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeIdNumber } from '../id-number.ts';
import { CASE_STATES, RISK_TYPES } from '../cases/case-workflow.ts';
import {
  DECLARATION_STAGE_LABELS, DIFFICULTY_RISK_TYPE, DIFFICULTY_TYPES, DIFFICULTY_TYPE_LABELS, RECEIPT_ALPHABET, addWorkingDays,
  declarationInputSchema, declarationStage, declarationStatusQuerySchema, formatReceiptCode, isReceiptCode, normaliseReceiptCode,
  receiptCodeFromBytes, suggestedRiskTypes,
} from './declaration.ts';

const ID = makeIdNumber('533423', '19800101', '123');
const valid = { name: '和春花', phone: '138 0013 8000', idNumber: ID, villageCode: '533423101001', difficulties: ['illness'], description: '丈夫住院，花了很多钱', consent: true };

function messages(input: unknown) {
  const r = declarationInputSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('declaration form', () => {
  it('accepts a complete declaration and normalises phone and ID', () => {
    const r = declarationInputSchema.parse({ ...valid, idNumber: ID.toLowerCase() });
    expect(r).toMatchObject({ phone: '13800138000', idNumber: ID, difficulties: ['illness'] });
  });

  it('answers every mistake in Chinese', () => {
    expect(messages({ ...valid, name: ' ' })).toEqual(['请填写姓名']);
    expect(messages({ ...valid, phone: '12345' })).toEqual(['联系电话格式不正确（手机号 11 位，或带区号的固定电话）']);
    expect(messages({ ...valid, phone: '' })).toEqual(['请填写联系电话']);
    expect(messages({ ...valid, idNumber: ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0') })).toEqual(['身份证号校验位不正确，请核对是否有数字录错或顺序颠倒']);
    expect(messages({ ...valid, villageCode: '5334231010' })).toEqual(['村级区划代码应为 12 位数字']);
    expect(messages({ ...valid, difficulties: [] })).toEqual(['请至少选择一项困难类型']);
    expect(messages({ ...valid, difficulties: ['illness', 'illness'] })).toEqual(['困难类型不能重复']);
    expect(messages({ ...valid, difficulties: ['bad_luck'] })).toEqual(['困难类型不正确']);
    expect(messages({ ...valid, description: '很'.repeat(501) })).toEqual(['情况说明不能超过 500 字']);
    expect(messages({ ...valid, consent: false })).toEqual(['请阅读并同意个人信息使用说明']);
    expect(messages({ ...valid, consent: undefined })).toEqual(['请阅读并同意个人信息使用说明']);
  });

  it('refuses any field it does not know (no status, no household, no region smuggled in)', () => {
    expect(declarationInputSchema.safeParse({ ...valid, status: 'closed' }).success).toBe(false);
    expect(declarationInputSchema.safeParse({ ...valid, householdId: crypto.randomUUID() }).success).toBe(false);
  });
});

describe('difficulty types', () => {
  it('has a Chinese label for each, and maps to a national risk type where one fits', () => {
    expect(Object.keys(DIFFICULTY_TYPE_LABELS)).toEqual([...DIFFICULTY_TYPES]);
    expect(DIFFICULTY_TYPE_LABELS.disaster).toBe('因灾');
    for (const d of DIFFICULTY_TYPES) {
      const r = DIFFICULTY_RISK_TYPE[d];
      if (r !== null) expect(RISK_TYPES).toContain(r);
    }
    expect(DIFFICULTY_RISK_TYPE.unsafe_housing).toBeNull();
    expect(suggestedRiskTypes(['unsafe_water', 'disaster', 'illness', 'disaster'])).toEqual(['natural_disaster', 'illness']);
  });
});

describe('receipt codes', () => {
  it('are 10 characters of an alphabet without 0/O/1/I, and round-trip through display and sloppy typing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
        const code = receiptCodeFromBytes(bytes);
        expect(code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
        expect(isReceiptCode(code)).toBe(true);
        expect(normaliseReceiptCode(` ${formatReceiptCode(code).toLowerCase()} `)).toBe(code);
      }),
    );
    expect(RECEIPT_ALPHABET).toHaveLength(32);
    expect(RECEIPT_ALPHABET).not.toMatch(/[01OI]/);
    expect(() => receiptCodeFromBytes(new Uint8Array(4))).toThrow(RangeError);
  });

  it('status query: normalises the code, wants exactly the last 4 of the ID', () => {
    expect(declarationStatusQuerySchema.parse({ receiptCode: 'abcde-fghjk', idLast4: '123x' })).toEqual({ receiptCode: 'ABCDEFGHJK', idLast4: '123X' });
    expect(declarationStatusQuerySchema.safeParse({ receiptCode: 'ABCDE0GHJK', idLast4: '1234' }).success).toBe(false);
    expect(declarationStatusQuerySchema.safeParse({ receiptCode: 'ABCDEFGHJK', idLast4: '12345' }).success).toBe(false);
  });
});

describe('public stage', () => {
  it('is one of six labels, for every declaration status and case status', () => {
    for (const c of [null, ...CASE_STATES]) {
      for (const s of ['received', 'lead_opened', 'needs_registration', 'closed'] as const) {
        expect(DECLARATION_STAGE_LABELS[declarationStage({ status: s }, c)]).toBeTruthy();
      }
    }
  });

  it('follows the case without revealing more', () => {
    const open = { status: 'lead_opened' as const };
    expect(declarationStage({ status: 'needs_registration' }, null)).toBe('received');
    expect(declarationStage(open, 'lead')).toBe('home_check');
    expect(declarationStage(open, 'home_check')).toBe('home_check');
    expect(declarationStage(open, 'in_notice')).toBe('review');
    expect(declarationStage(open, 'county_approval')).toBe('review');
    expect(declarationStage(open, 'monitored')).toBe('included');
    expect(declarationStage(open, 'elimination_in_notice')).toBe('included');
    expect(declarationStage(open, 'closed_not_included')).toBe('not_included');
    expect(declarationStage(open, 'eliminated')).toBe('closed');
    expect(declarationStage({ status: 'closed' }, 'monitored')).toBe('closed');
  });
});

describe('working days', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2026-03-05', 2)).toBe('2026-03-09'); // Thursday → Monday
    expect(addWorkingDays('2026-03-02', 2)).toBe('2026-03-04');
    expect(addWorkingDays('2026-03-07', 2)).toBe('2026-03-10'); // Saturday → Tuesday
  });
});
