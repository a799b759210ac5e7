import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ASSISTANCE_STATUS,
  DISABILITY_GRADE,
  EMPLOYMENT_PLACE,
  EMPLOYMENT_STATUS,
  HEALTH,
  HOUSEHOLD_TYPE,
  LABOUR_CAPACITY,
  MONITORING_CATEGORY,
  RELATION,
  SCHOOLING,
  SCHOOLING_STATUS,
  SEX,
  disabilityGradeSchema,
  householdTypeSchema,
  labelFromChinese,
  labelOf,
  monitoringCategorySchema,
  type RegistryEnum,
} from './registry-enums.ts';

const ALL: Record<string, RegistryEnum<string | number>> = {
  HOUSEHOLD_TYPE,
  ASSISTANCE_STATUS,
  MONITORING_CATEGORY,
  RELATION,
  LABOUR_CAPACITY,
  HEALTH,
  DISABILITY_GRADE,
  SCHOOLING,
  SCHOOLING_STATUS,
  EMPLOYMENT_STATUS,
  EMPLOYMENT_PLACE,
  SEX,
};

const toFullWidth = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

describe('registry enums', () => {
  it('have the labels of the national system', () => {
    expect(HOUSEHOLD_TYPE.labels).toEqual({ poverty_exit: '脱贫户', ordinary: '一般农户', exit_no_policy: '脱贫不享受政策户' });
    expect(MONITORING_CATEGORY.codes).toHaveLength(3);
    expect(MONITORING_CATEGORY.labels.sudden_hardship).toBe('突发严重困难户');
    expect(LABOUR_CAPACITY.labels.weak).toBe('弱劳动力或半劳动力');
    expect(EMPLOYMENT_STATUS.labels.unemployed).toBe('无业/待业');
    expect(EMPLOYMENT_PLACE.labels.in_province).toBe('县外省内');
    expect(DISABILITY_GRADE.labels[1]).toBe('一级');
    expect(Object.values(RELATION.labels)).toEqual(['户主', '配偶', '之子', '之女', '儿媳', '女婿', '孙子', '孙女', '父亲', '母亲', '兄弟姐妹', '其他']);
  });

  it('every code has a label and labels are unique within an enum', () => {
    for (const [name, def] of Object.entries(ALL)) {
      const labels = def.codes.map((c) => def.labels[c]);
      expect(labels.every((l) => typeof l === 'string' && l.length > 0), name).toBe(true);
      expect(new Set(labels).size, name).toBe(labels.length);
    }
  });

  it('schemas accept codes only', () => {
    expect(householdTypeSchema.parse('poverty_exit')).toBe('poverty_exit');
    expect(householdTypeSchema.safeParse('脱贫户').success).toBe(false);
    expect(monitoringCategorySchema.safeParse('other').success).toBe(false);
    expect(disabilityGradeSchema.parse(2)).toBe(2);
    expect(disabilityGradeSchema.safeParse(5).success).toBe(false);
    expect(disabilityGradeSchema.safeParse('2').success).toBe(false);
  });
});

describe('labelFromChinese', () => {
  it('maps every label and every code back to its code, for every enum', () => {
    for (const [name, def] of Object.entries(ALL)) {
      for (const code of def.codes) {
        expect(labelFromChinese(def, def.labels[code]), `${name} ${def.labels[code]}`).toBe(code);
        expect(labelFromChinese(def, String(code)), `${name} ${code}`).toBe(code);
      }
    }
  });

  it('never maps an alias to a different code than a label or code with the same key', () => {
    for (const [name, def] of Object.entries(ALL)) {
      for (const [alias, code] of Object.entries(def.aliases ?? {})) {
        expect(labelFromChinese(def, alias), `${name} ${alias}`).toBe(code);
      }
    }
  });

  it.each([
    [HOUSEHOLD_TYPE, '  脱贫户 ', 'poverty_exit'],
    [HOUSEHOLD_TYPE, '脱贫\u3000户', 'poverty_exit'],
    [HOUSEHOLD_TYPE, 'POVERTY_EXIT', 'poverty_exit'],
    [HOUSEHOLD_TYPE, toFullWidth('ordinary'), 'ordinary'],
    [SCHOOLING, '高中／中职', 'senior_secondary'],
    [SCHOOLING, '高中（中职）', 'senior_secondary'],
    [SCHOOLING, '中职', 'senior_secondary'],
    [EMPLOYMENT_STATUS, '无业／待业', 'unemployed'],
    [EMPLOYMENT_STATUS, '待业', 'unemployed'],
    [LABOUR_CAPACITY, '半劳动力', 'weak'],
    [RELATION, '之子', 'son'],
    [RELATION, '儿子', 'son'],
    [ASSISTANCE_STATUS, '低保户', 'dibao'],
    [MONITORING_CATEGORY, '边缘户', 'marginal'],
    [DISABILITY_GRADE, '二级', 2],
    [DISABILITY_GRADE, '２级', 2],
    [DISABILITY_GRADE, 3, 3],
    [DISABILITY_GRADE, '4', 4],
    [SEX, '女', 'female'],
  ] as const)('%#: %s → %s', (def, text, code) => {
    expect(labelFromChinese(def as RegistryEnum<string | number>, text)).toBe(code);
  });

  it.each([[''], ['   '], ['脱贫'], ['unknown'], [null], [undefined], [{}], ['低保 户 x']])('unknown %s → null', (text) => {
    expect(labelFromChinese(HOUSEHOLD_TYPE, text)).toBeNull();
  });

  it('returns null or a valid code for any text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = labelFromChinese(RELATION, s);
        expect(r === null || RELATION.codes.includes(r)).toBe(true);
      }),
    );
  });

  it('labelOf shows the label, or the code itself when unknown', () => {
    expect(labelOf(HEALTH, 'disabled')).toBe('残疾');
    expect(labelOf(HEALTH, null)).toBe('');
    expect(labelOf(HEALTH, 'mystery' as 'healthy')).toBe('mystery');
  });
});
