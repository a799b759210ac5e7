import { describe, it, expect } from 'vitest';
import { makeIdNumber } from '../id-number.ts';
import { emptyIncomeItems } from './income.ts';
import {
  householdCreateSchema,
  householdUpdateSchema,
  incomeRecordInputSchema,
  memberConsistencyIssues,
  memberCreateSchema,
  memberMoveSchema,
  memberUpdateSchema,
  normalisePhone,
} from './registry-schemas.ts';

const HH_ID = '0b5c1f7e-3f7a-4d2b-9a51-2d7c9f4e8a10';
const ID_MALE = makeIdNumber('533423', '19850317', '121'); // sequence 121: odd → male
const ID_FEMALE = makeIdNumber('533423', '20120905', '082');

const household = {
  householdNo: '5334230001',
  villageCode: '533423101201',
  address: '维西县保和镇某村 3 组',
  householdType: 'poverty_exit',
  assistanceStatus: 'none',
  relocated: false,
  phone: '13812345678',
  unsafeHousing: false,
  unsafeWater: false,
  schoolDropout: false,
  uninsuredMember: false,
};

const member = {
  householdId: HH_ID,
  name: '和建华',
  idNumber: ID_MALE,
  relation: 'head',
  labourCapacity: 'normal',
  health: 'healthy',
  schooling: 'junior_secondary',
  schoolingStatus: 'not_applicable',
  employmentStatus: 'farming',
};

function messages(r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) {
  return r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
}

describe('householdCreateSchema', () => {
  it('accepts a complete household and defaults the flags', () => {
    expect(householdCreateSchema.parse(household)).toEqual(household);
    const { relocated: _r, unsafeHousing: _u, unsafeWater: _w, schoolDropout: _s, uninsuredMember: _m, phone: _p, ...minimal } = household;
    const parsed = householdCreateSchema.parse(minimal);
    expect(parsed).toMatchObject({ relocated: false, unsafeHousing: false, unsafeWater: false, schoolDropout: false, uninsuredMember: false });
    expect(parsed.phone).toBeNull();
  });

  it.each(['id', 'status', 'regionCode', 'createdBy'])('refuses the extra key %s', (key) => {
    expect(householdCreateSchema.safeParse({ ...household, [key]: 'x' }).success).toBe(false);
  });

  it('refuses __proto__ smuggled through JSON', () => {
    const body = JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(household).slice(1)}`);
    expect(householdCreateSchema.safeParse(body).success).toBe(false);
  });

  it.each([
    ['householdNo', ''],
    ['householdNo', 'x'.repeat(31)],
    ['villageCode', '5334231012'],
    ['villageCode', '533423101000'],
    ['address', '  '],
    ['householdType', '脱贫户'],
    ['assistanceStatus', 'poor'],
    ['relocated', 'yes'],
    ['phone', '12345'],
    ['phone', '1381234567'],
  ])('refuses %s = %j', (key, value) => {
    expect(householdCreateSchema.safeParse({ ...household, [key]: value }).success).toBe(false);
  });

  it('reads phones in the usual forms', () => {
    expect(normalisePhone('138 1234 5678')).toBe('13812345678');
    expect(normalisePhone('+86 13812345678')).toBe('13812345678');
    expect(normalisePhone('１３８１２３４５６７８')).toBe('13812345678');
    expect(normalisePhone('0887-8221234')).toBe('0887-8221234');
    expect(normalisePhone('(0887)8221234')).toBe('(0887)8221234');
    expect(normalisePhone('010-12345678-801')).toBe('010-12345678-801');
    expect(normalisePhone('12812345678')).toBeNull();
    expect(normalisePhone('8221234')).toBeNull();
    expect(householdCreateSchema.parse({ ...household, phone: '' }).phone).toBeNull();
    const r = householdCreateSchema.safeParse({ ...household, phone: 'abc' });
    expect(messages(r)).toEqual(['phone: 联系电话应为 11 位手机号或带区号的固定电话']);
  });
});

describe('householdUpdateSchema', () => {
  it('requires a version and leaves absent fields absent (no defaults on update)', () => {
    expect(householdUpdateSchema.safeParse({ address: 'x' }).success).toBe(false);
    const parsed = householdUpdateSchema.parse({ version: 3, unsafeWater: true });
    expect(parsed).toEqual({ version: 3, unsafeWater: true });
  });

  it('validates the fields it is given and refuses extra keys', () => {
    expect(householdUpdateSchema.safeParse({ version: 1, villageCode: '12' }).success).toBe(false);
    expect(householdUpdateSchema.safeParse({ version: 1, status: 'closed' }).success).toBe(false);
    expect(householdUpdateSchema.safeParse({ version: 0 }).success).toBe(false);
    expect(householdUpdateSchema.parse({ version: 1, phone: null }).phone).toBeNull();
  });
});

describe('memberCreateSchema', () => {
  it('accepts a member and normalises the ID', () => {
    const parsed = memberCreateSchema.parse({ ...member, idNumber: ` ${ID_MALE.slice(0, 6)} ${ID_MALE.slice(6)}` });
    expect(parsed.idNumber).toBe(ID_MALE);
  });

  it('gives the Chinese ID message', () => {
    const wrongCheck = ID_MALE.slice(0, 17) + (ID_MALE[17] === '0' ? '1' : '0');
    expect(messages(memberCreateSchema.safeParse({ ...member, idNumber: wrongCheck }))).toEqual([
      'idNumber: 身份证号校验位不正确，请核对是否有数字录错或顺序颠倒',
    ]);
    expect(memberCreateSchema.safeParse({ ...member, idNumber: 5.33423198503171e17 }).success).toBe(false);
  });

  it('checks sex and birth date against the ID, naming both values', () => {
    expect(memberCreateSchema.safeParse({ ...member, sex: 'male', birthDate: '1985-03-17' }).success).toBe(true);
    expect(messages(memberCreateSchema.safeParse({ ...member, sex: 'female' }))).toEqual(['sex: 性别"女"与身份证号中的性别"男"不一致']);
    expect(messages(memberCreateSchema.safeParse({ ...member, birthDate: '1985-03-18' }))).toEqual([
      'birthDate: 出生日期 1985-03-18 与身份证号中的出生日期 1985-03-17 不一致',
    ]);
    expect(memberCreateSchema.safeParse({ ...member, birthDate: '1985-3-17' }).success).toBe(false);
  });

  it('requires a disability grade iff health is disabled', () => {
    expect(messages(memberCreateSchema.safeParse({ ...member, health: 'disabled' }))).toEqual(['disabilityGrade: 健康状况为残疾时必须填写残疾等级']);
    expect(memberCreateSchema.safeParse({ ...member, health: 'disabled', disabilityGrade: 2 }).success).toBe(true);
    expect(messages(memberCreateSchema.safeParse({ ...member, disabilityGrade: 2 }))).toEqual(['disabilityGrade: 只有健康状况为残疾时才填写残疾等级']);
  });

  it('requires a place of work iff employed', () => {
    expect(messages(memberCreateSchema.safeParse({ ...member, employmentStatus: 'employed' }))).toEqual(['employmentPlace: 就业状态为务工时必须填写务工地点']);
    expect(memberCreateSchema.safeParse({ ...member, employmentStatus: 'employed', employmentPlace: 'out_of_province' }).success).toBe(true);
    expect(memberCreateSchema.safeParse({ ...member, employmentPlace: 'in_county' }).success).toBe(false);
  });

  it('reports cross-field problems together with field problems, without noise from invalid values', () => {
    const r = memberCreateSchema.safeParse({ ...member, name: '', idNumber: '1', health: 'disabled', employmentStatus: 'employed' });
    expect(messages(r)).toEqual([
      'name: 请填写姓名',
      'idNumber: 身份证号应为 18 位（15 位旧号码请换成 18 位新号码）',
      'disabilityGrade: 健康状况为残疾时必须填写残疾等级',
      'employmentPlace: 就业状态为务工时必须填写务工地点',
    ]);
    const noisy = memberCreateSchema.safeParse({ ...member, sex: 'x', birthDate: '1985-3-17', health: 'sick', disabilityGrade: 9 });
    expect(messages(noisy).map((m) => m.split(':')[0])).toEqual(['sex', 'birthDate', 'health', 'disabilityGrade']);
    expect(memberCreateSchema.safeParse('not an object').success).toBe(false);
    expect(memberCreateSchema.safeParse(null).success).toBe(false);
  });

  it.each(['id', 'status', 'regionCode', 'version'])('refuses the extra key %s', (key) => {
    expect(memberCreateSchema.safeParse({ ...member, [key]: 'x' }).success).toBe(false);
  });

  it('refuses a bad householdId, empty name or unknown codes', () => {
    expect(memberCreateSchema.safeParse({ ...member, householdId: '42' }).success).toBe(false);
    expect(memberCreateSchema.safeParse({ ...member, name: ' ' }).success).toBe(false);
    expect(memberCreateSchema.safeParse({ ...member, relation: '户主' }).success).toBe(false);
  });
});

describe('memberUpdateSchema', () => {
  it('requires a version, refuses householdId (moves go through memberMoveSchema)', () => {
    expect(memberUpdateSchema.safeParse({ name: 'x' }).success).toBe(false);
    expect(memberUpdateSchema.safeParse({ version: 1, householdId: HH_ID }).success).toBe(false);
    expect(memberUpdateSchema.parse({ version: 2, name: '和丽' })).toEqual({ version: 2, name: '和丽' });
  });

  it('checks cross-field rules only between fields present in the patch', () => {
    expect(memberUpdateSchema.safeParse({ version: 1, health: 'disabled' }).success).toBe(true);
    expect(memberUpdateSchema.safeParse({ version: 1, health: 'disabled', disabilityGrade: null }).success).toBe(false);
    expect(memberUpdateSchema.safeParse({ version: 1, health: 'healthy', disabilityGrade: 1 }).success).toBe(false);
    expect(memberUpdateSchema.safeParse({ version: 1, idNumber: ID_FEMALE, sex: 'male' }).success).toBe(false);
    // The merged record is re-checked by the server with the full rules:
    expect(memberConsistencyIssues({ health: 'disabled' })).toHaveLength(1);
    expect(memberConsistencyIssues({ health: 'disabled' }, { partial: true })).toHaveLength(0);
  });
});

describe('memberMoveSchema', () => {
  it('needs a target, a version and a reason', () => {
    expect(memberMoveSchema.parse({ toHouseholdId: HH_ID, version: 4, reason: ' 婚嫁迁入 ' })).toEqual({ toHouseholdId: HH_ID, version: 4, reason: '婚嫁迁入' });
    expect(memberMoveSchema.safeParse({ toHouseholdId: HH_ID, version: 4, reason: '' }).success).toBe(false);
    expect(memberMoveSchema.safeParse({ toHouseholdId: HH_ID, version: 4, reason: 'x', householdId: HH_ID }).success).toBe(false);
  });
});

describe('incomeRecordInputSchema', () => {
  const record = { householdId: HH_ID, year: 2024, quarter: 2, items: { wageOther: '12,345.6', businessPlanting: 800, costPlanting: '１００．５', transferDibao: '' }, remark: '' };

  it('converts yuan to fen and fills missing items with 0', () => {
    const parsed = incomeRecordInputSchema.parse(record);
    expect(parsed.items).toEqual({ ...emptyIncomeItems(), wageOther: 1_234_560, businessPlanting: 80_000, costPlanting: 10_050 });
    expect(parsed.quarter).toBe(2);
  });

  it('gives Chinese errors naming the item', () => {
    expect(messages(incomeRecordInputSchema.safeParse({ ...record, items: { wageOther: '1.005' } }))).toEqual(['items.wageOther: 务工等其他工资性收入：金额最多保留两位小数：1.005']);
    expect(messages(incomeRecordInputSchema.safeParse({ ...record, items: { transferPension: '-5' } }))).toEqual(['items.transferPension: 养老金或离退休金：金额不能为负数']);
    expect(messages(incomeRecordInputSchema.safeParse({ ...record, items: { propertyOther: 'abc' } }))[0]).toMatch(/其他财产性收入：金额格式不正确/);
  });

  it('refuses unknown items, extra keys, and years or quarters out of range', () => {
    expect(incomeRecordInputSchema.safeParse({ ...record, items: { bonus: 1 } }).success).toBe(false);
    expect(incomeRecordInputSchema.safeParse({ ...record, status: 'valid' }).success).toBe(false);
    expect(incomeRecordInputSchema.safeParse({ ...record, year: 2014 }).success).toBe(false);
    expect(incomeRecordInputSchema.safeParse({ ...record, year: 2101 }).success).toBe(false);
    expect(incomeRecordInputSchema.safeParse({ ...record, quarter: 0 }).success).toBe(false);
    expect(incomeRecordInputSchema.safeParse({ ...record, quarter: 5 }).success).toBe(false);
    expect(incomeRecordInputSchema.safeParse({ ...record, quarter: 1.5 }).success).toBe(false);
  });
});
