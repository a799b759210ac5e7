import { z } from 'zod';
import { validateIdNumber } from '../id-number.ts';
import { MoneyFormatError, yuanToFen } from '../money.ts';
import { villageCodeSchema } from '../region-code.ts';
import { INCOME_ITEMS, type IncomeItemKey, type IncomeItems } from './income-items.ts';
import { INCOME_ITEM_KEYS, type Quarter } from './income.ts';
import {
  EMPLOYMENT_STATUS,
  HEALTH,
  SEX,
  assistanceStatusSchema,
  disabilityGradeSchema,
  employmentPlaceSchema,
  employmentStatusSchema,
  healthSchema,
  householdTypeSchema,
  labourCapacitySchema,
  relationSchema,
  schoolingSchema,
  schoolingStatusSchema,
  sexSchema,
  type DisabilityGrade,
  type EmploymentPlace,
  type EmploymentStatus,
  type Health,
  type Sex,
} from './registry-enums.ts';

/**
 * Request/form schemas of the household and member registry, shared by the API and the web forms so both
 * report the same Chinese messages. Every object is `.strict()`: an extra key such as `id`, `status`,
 * `regionCode` or `__proto__` is refused rather than stored, because those are set by the server only
 * (the region comes from the village, the status from the workflow).
 */

const version = z.number({ error: '缺少版本号' }).int().positive();
const uuid = (what: string) => z.uuid({ error: `${what}格式不正确` });

const MOBILE = /^1[3-9]\d{9}$/;
// Area code 0xx/0xxx, 7–8 digit number, optional extension: 0887-8221234, (0887)8221234, 08878221234-801.
const LANDLINE = /^(?:\(0\d{2,3}\)|0\d{2,3}-?)\d{7,8}(?:-\d{1,6})?$/;

/** Half-width, no spaces, a +86/0086 prefix dropped from mobiles; null when it is not a phone number. */
export function normalisePhone(raw: string): string | null {
  const s = raw.normalize('NFKC').replace(/[\s\u200B-\u200D\uFEFF]/g, '');
  const mobile = /^(?:\+86|0086)?-?(1\d{10})$/.exec(s);
  if (mobile && MOBILE.test(mobile[1]!)) return mobile[1]!;
  if (LANDLINE.test(s)) return s;
  return null;
}

/** Optional phone: '' and null both mean "none" (a cleared form field). */
const optionalPhone = z
  .string()
  .max(30, '联系电话格式不正确')
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v.trim() === '') return null;
    const p = normalisePhone(v);
    if (p === null) {
      ctx.addIssue({ code: 'custom', message: '联系电话应为 11 位手机号或带区号的固定电话' });
      return z.NEVER;
    }
    return p;
  });

// ---------------------------------------------------------------------------------------------------------
// Household

const householdFields = {
  householdNo: z.string({ error: '请填写户编号' }).trim().min(1, '请填写户编号').max(30, '户编号不能超过 30 个字符'),
  villageCode: villageCodeSchema,
  address: z.string({ error: '请填写家庭住址' }).trim().min(1, '请填写家庭住址').max(200, '家庭住址不能超过 200 个字符'),
  householdType: householdTypeSchema,
  assistanceStatus: assistanceStatusSchema,
  relocated: z.boolean(),
  phone: optionalPhone,
  unsafeHousing: z.boolean(),
  unsafeWater: z.boolean(),
  schoolDropout: z.boolean(),
  uninsuredMember: z.boolean(),
};

export const householdCreateSchema = z
  .object({
    ...householdFields,
    // The yes/no flags default to "no" so a new household needs only what is known.
    relocated: householdFields.relocated.default(false),
    unsafeHousing: householdFields.unsafeHousing.default(false),
    unsafeWater: householdFields.unsafeWater.default(false),
    schoolDropout: householdFields.schoolDropout.default(false),
    uninsuredMember: householdFields.uninsuredMember.default(false),
  })
  .strict();
export type HouseholdCreateInput = z.infer<typeof householdCreateSchema>;

/**
 * Built from the plain fields, not from householdCreateSchema.partial(): in zod 4 a default still applies
 * inside optional, which would reset every flag to false on each partial update.
 */
export const householdUpdateSchema = z
  .object({
    version,
    householdNo: householdFields.householdNo.optional(),
    villageCode: householdFields.villageCode.optional(),
    address: householdFields.address.optional(),
    householdType: householdFields.householdType.optional(),
    assistanceStatus: householdFields.assistanceStatus.optional(),
    relocated: householdFields.relocated.optional(),
    phone: optionalPhone.optional(),
    unsafeHousing: householdFields.unsafeHousing.optional(),
    unsafeWater: householdFields.unsafeWater.optional(),
    schoolDropout: householdFields.schoolDropout.optional(),
    uninsuredMember: householdFields.uninsuredMember.optional(),
  })
  .strict();
export type HouseholdUpdateInput = z.infer<typeof householdUpdateSchema>;

// ---------------------------------------------------------------------------------------------------------
// Member

const idNumberField = z.string({ error: '请填写身份证号' }).transform((raw, ctx) => {
  const r = validateIdNumber(raw);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.message, params: { reason: r.reason } });
    return z.NEVER;
  }
  return r.value;
});

const memberFields = {
  name: z.string({ error: '请填写姓名' }).trim().min(1, '请填写姓名').max(50, '姓名不能超过 50 个字符'),
  idNumber: idNumberField,
  sex: sexSchema.nullish(),
  birthDate: z.iso.date({ error: '出生日期格式应为 YYYY-MM-DD' }).nullish(),
  relation: relationSchema,
  labourCapacity: labourCapacitySchema,
  health: healthSchema,
  disabilityGrade: disabilityGradeSchema.nullish(),
  schooling: schoolingSchema,
  schoolingStatus: schoolingStatusSchema,
  employmentStatus: employmentStatusSchema,
  employmentPlace: employmentPlaceSchema.nullish(),
  skills: z.string().trim().max(200, '技能特长不能超过 200 个字符').nullish(),
};

/** The fields that depend on each other; any of them may be absent from a partial update. */
export interface MemberConsistencyFields {
  idNumber?: string | null;
  sex?: Sex | null;
  birthDate?: string | null;
  health?: Health | null;
  disabilityGrade?: DisabilityGrade | null;
  employmentStatus?: EmploymentStatus | null;
  employmentPlace?: EmploymentPlace | null;
}

export interface MemberConsistencyIssue {
  path: keyof MemberConsistencyFields;
  message: string;
}

const given = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;

/**
 * Cross-field rules of a member:
 * - sex and birth date, when given, must agree with the ID (the ID is the authority; a mismatch is a typo
 *   in one of them and must be fixed, not stored);
 * - a disability grade is given iff health is 残疾;
 * - a place of work is given iff the member works for wages (务工).
 * With `partial`, a field absent from the object is unknown rather than empty, so a rule needing it is
 * skipped: the server must re-run the check on the merged record after an update.
 */
export function memberConsistencyIssues(m: MemberConsistencyFields, options: { partial?: boolean } = {}): MemberConsistencyIssue[] {
  const issues: MemberConsistencyIssue[] = [];
  const known = (k: keyof MemberConsistencyFields) => !options.partial || k in m;

  const id = given(m.idNumber) ? validateIdNumber(m.idNumber) : null;
  if (id?.ok) {
    // Values that failed their own field check are left to that check's message.
    if (given(m.sex) && (m.sex === 'male' || m.sex === 'female') && m.sex !== id.sex) {
      issues.push({ path: 'sex', message: `性别"${SEX.labels[m.sex]}"与身份证号中的性别"${SEX.labels[id.sex]}"不一致` });
    }
    if (typeof m.birthDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(m.birthDate) && m.birthDate !== id.birthDate) {
      issues.push({ path: 'birthDate', message: `出生日期 ${m.birthDate} 与身份证号中的出生日期 ${id.birthDate} 不一致` });
    }
  }

  if (known('health') && known('disabilityGrade')) {
    if (m.health === 'disabled' && !given(m.disabilityGrade)) {
      issues.push({ path: 'disabilityGrade', message: '健康状况为残疾时必须填写残疾等级' });
    } else if (given(m.health) && HEALTH.codes.includes(m.health) && m.health !== 'disabled' && given(m.disabilityGrade)) {
      issues.push({ path: 'disabilityGrade', message: '只有健康状况为残疾时才填写残疾等级' });
    }
  }

  if (known('employmentStatus') && known('employmentPlace')) {
    if (m.employmentStatus === 'employed' && !given(m.employmentPlace)) {
      issues.push({ path: 'employmentPlace', message: '就业状态为务工时必须填写务工地点' });
    } else if (
      given(m.employmentStatus) &&
      EMPLOYMENT_STATUS.codes.includes(m.employmentStatus) &&
      m.employmentStatus !== 'employed' &&
      given(m.employmentPlace)
    ) {
      issues.push({ path: 'employmentPlace', message: '只有就业状态为务工时才填写务工地点' });
    }
  }
  return issues;
}

function addConsistencyIssues(m: MemberConsistencyFields, ctx: z.RefinementCtx, partial: boolean): void {
  for (const issue of memberConsistencyIssues(m, { partial })) {
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  }
}

/**
 * Run the cross-field rules even when another field failed, so a form shows every problem at once instead
 * of revealing them one round-trip at a time. The value may then hold raw, unparsed fields, which
 * memberConsistencyIssues tolerates.
 */
const whenObject = { when: (p: { value: unknown }) => typeof p.value === 'object' && p.value !== null && !Array.isArray(p.value) };

export const memberCreateSchema = z
  .object({ householdId: uuid('户 ID'), ...memberFields })
  .strict()
  .superRefine((m, ctx) => addConsistencyIssues(m, ctx, false), whenObject);
export type MemberCreateInput = z.infer<typeof memberCreateSchema>;

/** householdId is not updatable here: a move between households goes through memberMoveSchema. */
export const memberUpdateSchema = z
  .object({
    version,
    name: memberFields.name.optional(),
    idNumber: memberFields.idNumber.optional(),
    sex: memberFields.sex,
    birthDate: memberFields.birthDate,
    relation: memberFields.relation.optional(),
    labourCapacity: memberFields.labourCapacity.optional(),
    health: memberFields.health.optional(),
    disabilityGrade: memberFields.disabilityGrade,
    schooling: memberFields.schooling.optional(),
    schoolingStatus: memberFields.schoolingStatus.optional(),
    employmentStatus: memberFields.employmentStatus.optional(),
    employmentPlace: memberFields.employmentPlace,
    skills: memberFields.skills,
  })
  .strict()
  .superRefine((m, ctx) => addConsistencyIssues(m, ctx, true), whenObject);
export type MemberUpdateInput = z.infer<typeof memberUpdateSchema>;

export const memberMoveSchema = z
  .object({
    toHouseholdId: uuid('目标户 ID'),
    version,
    reason: z.string({ error: '请填写迁移原因' }).trim().min(1, '请填写迁移原因').max(200, '迁移原因不能超过 200 个字符'),
  })
  .strict();
export type MemberMoveInput = z.infer<typeof memberMoveSchema>;

// ---------------------------------------------------------------------------------------------------------
// Income record

const LABEL_BY_KEY = Object.fromEntries(INCOME_ITEMS.map((i) => [i.key, i.label])) as Record<IncomeItemKey, string>;

/** One amount typed in yuan ('1,234.5', 1234.5, '' or absent = 0) → fen. */
function yuanItem(key: IncomeItemKey) {
  return z
    .union([z.string(), z.number()], { error: `${LABEL_BY_KEY[key]}：金额必须是数字或文本` })
    .nullish()
    .transform((v, ctx) => {
      if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return 0;
      try {
        const fen = yuanToFen(v);
        if (fen < 0) {
          ctx.addIssue({ code: 'custom', message: `${LABEL_BY_KEY[key]}：金额不能为负数` });
          return z.NEVER;
        }
        return fen;
      } catch (e) {
        const message = e instanceof MoneyFormatError ? e.message : '金额格式不正确';
        ctx.addIssue({ code: 'custom', message: `${LABEL_BY_KEY[key]}：${message}` });
        return z.NEVER;
      }
    });
}

/**
 * Sub-items as typed in a form, in yuan. A missing or blank item is 0 (forms show only the lines a household
 * has); an unknown key is refused so a misspelt item cannot vanish.
 */
export const incomeItemsYuanSchema = z
  .object(Object.fromEntries(INCOME_ITEM_KEYS.map((k) => [k, yuanItem(k)])) as Record<IncomeItemKey, ReturnType<typeof yuanItem>>)
  .strict()
  .transform((o): IncomeItems => o);

export const incomeRecordInputSchema = z
  .object({
    householdId: uuid('户 ID'),
    year: z.number({ error: '请填写年度' }).int('年度必须是整数').min(2015, '年度不能早于 2015 年').max(2100, '年度不能晚于 2100 年'),
    quarter: z
      .number({ error: '请选择季度' })
      .int('季度应为 1–4')
      .min(1, '季度应为 1–4')
      .max(4, '季度应为 1–4')
      .transform((q) => q as Quarter),
    items: incomeItemsYuanSchema,
    remark: z.string().trim().max(500, '备注不能超过 500 个字符').nullish(),
  })
  .strict();
export type IncomeRecordInput = z.infer<typeof incomeRecordInputSchema>;
/** What a form may send (yuan text or numbers), before conversion to fen. */
export type IncomeRecordFormValues = z.input<typeof incomeRecordInputSchema>;
