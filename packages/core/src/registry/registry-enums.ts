import { z } from 'zod';

/**
 * Coded values of the household and member registry (domain.md §1, §5). Codes are English and stable
 * (database, API, URLs); labels are what the national system and the spreadsheets say, so imports can map
 * either back to a code with labelFromChinese.
 */
export interface RegistryEnum<C extends string | number> {
  readonly codes: readonly C[];
  readonly labels: Readonly<Record<C, string>>;
  /**
   * Other spellings met in county spreadsheets and older exports, already normalised
   * (half-width, no whitespace). Only unambiguous ones: an alias never points at two codes.
   */
  readonly aliases?: Readonly<Record<string, C>>;
}

function defineEnum<const C extends string>(
  codes: readonly [C, ...C[]],
  labels: Record<C, string>,
  aliases: Record<string, C> = {},
) {
  return { codes, labels, aliases, schema: z.enum(codes as [C, ...C[]]) } as const;
}

// ---------------------------------------------------------------------------------------------------------

export const HOUSEHOLD_TYPE = defineEnum(['poverty_exit', 'ordinary', 'exit_no_policy'], {
  poverty_exit: '脱贫户',
  ordinary: '一般农户',
  exit_no_policy: '脱贫不享受政策户',
}, { 一般户: 'ordinary', 农户: 'ordinary', 脱贫户不享受政策: 'exit_no_policy' });
export type HouseholdType = (typeof HOUSEHOLD_TYPE.codes)[number];
export const householdTypeSchema = HOUSEHOLD_TYPE.schema;

/** Dibao / 特困 status is a household attribute (domain.md §1); its history is kept by the server. */
export const ASSISTANCE_STATUS = defineEnum(['none', 'dibao', 'tekun'], { none: '无', dibao: '低保', tekun: '特困' }, {
  低保户: 'dibao',
  农村低保: 'dibao',
  最低生活保障: 'dibao',
  特困户: 'tekun',
  特困供养: 'tekun',
  特困供养人员: 'tekun',
  否: 'none',
});
export type AssistanceStatus = (typeof ASSISTANCE_STATUS.codes)[number];
export const assistanceStatusSchema = ASSISTANCE_STATUS.schema;

/** Exactly three categories nationally (domain.md §1). */
export const MONITORING_CATEGORY = defineEnum(['unstable', 'marginal', 'sudden_hardship'], {
  unstable: '脱贫不稳定户',
  marginal: '边缘易致贫户',
  sudden_hardship: '突发严重困难户',
}, { 边缘户: 'marginal', 边缘易致贫: 'marginal', 脱贫不稳定: 'unstable', 突发严重困难: 'sudden_hardship', 突发困难户: 'sudden_hardship' });
export type MonitoringCategory = (typeof MONITORING_CATEGORY.codes)[number];
export const monitoringCategorySchema = MONITORING_CATEGORY.schema;

/** Relation to the head of household (与户主关系). */
export const RELATION = defineEnum(
  ['head', 'spouse', 'son', 'daughter', 'daughter_in_law', 'son_in_law', 'grandson', 'granddaughter', 'father', 'mother', 'sibling', 'other'],
  {
    head: '户主',
    spouse: '配偶',
    son: '之子',
    daughter: '之女',
    daughter_in_law: '儿媳',
    son_in_law: '女婿',
    grandson: '孙子',
    granddaughter: '孙女',
    father: '父亲',
    mother: '母亲',
    sibling: '兄弟姐妹',
    other: '其他',
  },
  {
    本人: 'head',
    妻子: 'spouse',
    丈夫: 'spouse',
    儿子: 'son',
    子: 'son',
    女儿: 'daughter',
    女: 'daughter',
    之儿媳: 'daughter_in_law',
    之女婿: 'son_in_law',
    之孙子: 'grandson',
    之孙女: 'granddaughter',
    之父: 'father',
    之母: 'mother',
    兄弟: 'sibling',
    姐妹: 'sibling',
    兄弟姊妹: 'sibling',
    其它: 'other',
  },
);
export type Relation = (typeof RELATION.codes)[number];
export const relationSchema = RELATION.schema;

export const LABOUR_CAPACITY = defineEnum(['normal', 'skilled', 'weak', 'lost', 'none'], {
  normal: '普通劳动力',
  skilled: '技能劳动力',
  weak: '弱劳动力或半劳动力',
  lost: '丧失劳动力',
  none: '无劳动力',
}, {
  弱劳动力: 'weak',
  半劳动力: 'weak',
  '弱劳动力/半劳动力': 'weak',
  丧失劳动能力: 'lost',
  无劳动能力: 'none',
});
export type LabourCapacity = (typeof LABOUR_CAPACITY.codes)[number];
export const labourCapacitySchema = LABOUR_CAPACITY.schema;

/** Capacities that count as "able to work" (e.g. for 学生被记为劳动力 and the lack-of-labour checks). */
export const ABLE_LABOUR_CAPACITIES: readonly LabourCapacity[] = ['normal', 'skilled'];

export const HEALTH = defineEnum(['healthy', 'chronic', 'serious', 'disabled'], {
  healthy: '健康',
  chronic: '长期慢性病',
  serious: '大病',
  disabled: '残疾',
}, { 慢性病: 'chronic', 患大病: 'serious', 重病: 'serious', 残疾人: 'disabled' });
export type Health = (typeof HEALTH.codes)[number];
export const healthSchema = HEALTH.schema;

/** 残疾等级: grade 1 is the most severe. Numeric because that is how the certificate writes it. */
export const DISABILITY_GRADE: RegistryEnum<1 | 2 | 3 | 4> = {
  codes: [1, 2, 3, 4],
  labels: { 1: '一级', 2: '二级', 3: '三级', 4: '四级' },
  aliases: {
    '1': 1, '2': 2, '3': 3, '4': 4,
    '1级': 1, '2级': 2, '3级': 3, '4级': 4,
    一级残疾: 1, 二级残疾: 2, 三级残疾: 3, 四级残疾: 4,
    壹级: 1, 贰级: 2, 叁级: 3, 肆级: 4,
  },
};
export type DisabilityGrade = 1 | 2 | 3 | 4;
export const disabilityGradeSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: '残疾等级应为一至四级',
});

/**
 * 文化程度 as the national export lists it. 非在校 appears in that list in some provincial layouts, so it
 * is kept as a code for imports; whether a person is at school is schoolingStatus.
 */
export const SCHOOLING = defineEnum(['preschool', 'primary', 'junior_secondary', 'senior_secondary', 'tertiary', 'illiterate', 'not_in_school'], {
  preschool: '学龄前',
  primary: '小学',
  junior_secondary: '初中',
  senior_secondary: '高中/中职',
  tertiary: '大专及以上',
  illiterate: '文盲或半文盲',
  not_in_school: '非在校',
}, {
  学龄前儿童: 'preschool',
  高中: 'senior_secondary',
  中职: 'senior_secondary',
  中专: 'senior_secondary',
  高中或中职: 'senior_secondary',
  '高中、中职': 'senior_secondary',
  '高中(中职)': 'senior_secondary',
  大专: 'tertiary',
  大学: 'tertiary',
  本科: 'tertiary',
  本科及以上: 'tertiary',
  文盲: 'illiterate',
  半文盲: 'illiterate',
  文盲半文盲: 'illiterate',
  '文盲/半文盲': 'illiterate',
  非在校生: 'not_in_school',
});
export type Schooling = (typeof SCHOOLING.codes)[number];
export const schoolingSchema = SCHOOLING.schema;

export const SCHOOLING_STATUS = defineEnum(['in_school', 'dropped_out', 'not_applicable'], {
  in_school: '在校生',
  dropped_out: '辍学',
  not_applicable: '非在校',
}, { 在校: 'in_school', 在读: 'in_school', 辍学生: 'dropped_out', 失学: 'dropped_out', 非在校生: 'not_applicable' });
export type SchoolingStatus = (typeof SCHOOLING_STATUS.codes)[number];
export const schoolingStatusSchema = SCHOOLING_STATUS.schema;

export const EMPLOYMENT_STATUS = defineEnum(['employed', 'farming', 'self_employed', 'public_welfare_post', 'unemployed', 'student', 'other'], {
  employed: '务工',
  farming: '务农',
  self_employed: '自主创业',
  public_welfare_post: '公益性岗位',
  unemployed: '无业/待业',
  student: '在校生',
  other: '其他',
}, {
  外出务工: 'employed',
  就业: 'employed',
  创业: 'self_employed',
  公益岗位: 'public_welfare_post',
  公益岗: 'public_welfare_post',
  无业: 'unemployed',
  待业: 'unemployed',
  无业或待业: 'unemployed',
  学生: 'student',
  在校: 'student',
  其它: 'other',
});
export type EmploymentStatus = (typeof EMPLOYMENT_STATUS.codes)[number];
export const employmentStatusSchema = EMPLOYMENT_STATUS.schema;

/** 务工地点, counted separately in the employment ledgers (domain.md §9). */
export const EMPLOYMENT_PLACE = defineEnum(['in_county', 'in_province', 'out_of_province'], {
  in_county: '县内',
  in_province: '县外省内',
  out_of_province: '省外',
}, { 本县: 'in_county', 县内务工: 'in_county', 省内县外: 'in_province', 外省: 'out_of_province', 省外务工: 'out_of_province' });
export type EmploymentPlace = (typeof EMPLOYMENT_PLACE.codes)[number];
export const employmentPlaceSchema = EMPLOYMENT_PLACE.schema;

/** Same codes as IdNumberSex, so a sex read from the ID compares directly. */
export const SEX = defineEnum(['male', 'female'], { male: '男', female: '女' }, { 男性: 'male', 女性: 'female' });
export type Sex = (typeof SEX.codes)[number];
export const sexSchema = SEX.schema;

// ---------------------------------------------------------------------------------------------------------

/**
 * Canonical key for matching: NFKC folds full-width letters, digits and punctuation to half-width
 * (ＡＢ → AB, ／ → /, （ → (); every whitespace, incl. U+3000 and zero-width characters, is dropped
 * because no label contains a space; Latin letters are lower-cased so codes match case-insensitively.
 */
function matchKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200B-\u200D\uFEFF]/g, '')
    .toLowerCase();
}

/** Per-enum lookup table, built once. */
const LOOKUPS = new WeakMap<object, Map<string, string | number>>();

function lookupFor<C extends string | number>(def: RegistryEnum<C>): Map<string, C> {
  let m = LOOKUPS.get(def) as Map<string, C> | undefined;
  if (!m) {
    m = new Map<string, C>();
    for (const code of def.codes) {
      m.set(matchKey(String(code)), code);
      m.set(matchKey(def.labels[code]), code);
    }
    for (const [alias, code] of Object.entries(def.aliases ?? {})) {
      // Aliases never override a code or an official label.
      if (!m.has(matchKey(alias))) m.set(matchKey(alias), code as C);
    }
    LOOKUPS.set(def, m as Map<string, string | number>);
  }
  return m;
}

/**
 * Maps a Chinese label (official or a known alias; trimmed, full-width normalised) or the English code to
 * the code, for imports. Returns null when unknown so the caller can report the cell instead of guessing.
 * A JS number is accepted for numeric enums (a disability grade cell read as 2).
 */
export function labelFromChinese<C extends string | number>(def: RegistryEnum<C>, text: unknown): C | null {
  if (typeof text !== 'string' && typeof text !== 'number') return null;
  const key = matchKey(String(text));
  if (key === '') return null;
  return lookupFor(def).get(key) ?? null;
}

/** Label for display and export; the code itself when unknown, so nothing silently disappears. */
export function labelOf<C extends string | number>(def: RegistryEnum<C>, code: C | null | undefined): string {
  if (code === null || code === undefined) return '';
  return def.labels[code] ?? String(code);
}
