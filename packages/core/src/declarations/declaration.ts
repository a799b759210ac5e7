import { z } from 'zod';
import { idNumberSchema } from '../id-number.ts';
import { villageCodeSchema } from '../region-code.ts';
import { normalisePhone } from '../registry/registry-schemas.ts';
import type { CaseStatus, RiskType } from '../cases/case-workflow.ts';

/**
 * 农户自主申报 (domain.md §4 channel 1; seed 001, Anhui's "防返贫监测自主申报小程序"): a person declares a
 * difficulty on a public form without signing in. The platform stores the declaration, turns it into a lead for
 * the village (home check within 2 working days), and the person can later see only the *stage* it has reached.
 */

// ---------------------------------------------------------------------------------------------------------
// Difficulty types, as the Anhui form lists them; each maps to the national risk type where one fits.

export const DIFFICULTY_TYPES = [
  'illness',
  'disability',
  'schooling',
  'disaster',
  'accident',
  'business_failure',
  'unstable_employment',
  'lack_of_labour',
  'unsafe_housing',
  'unsafe_water',
  'other',
] as const;
export type DifficultyType = (typeof DIFFICULTY_TYPES)[number];

export const DIFFICULTY_TYPE_LABELS: Record<DifficultyType, string> = {
  illness: '因病',
  disability: '因残',
  schooling: '因学',
  disaster: '因灾',
  accident: '因意外事故',
  business_failure: '因产业失败',
  unstable_employment: '因务工就业不稳',
  lack_of_labour: '缺劳动力',
  unsafe_housing: '住房安全',
  unsafe_water: '饮水安全',
  other: '其他',
};

/**
 * The national risk type a difficulty suggests. Housing and water safety are "三保障/饮水安全" problems, not risk
 * types of their own (they are household flags checked at the home visit), so they suggest none.
 */
export const DIFFICULTY_RISK_TYPE: Record<DifficultyType, RiskType | null> = {
  illness: 'illness',
  disability: 'disability',
  schooling: 'schooling',
  disaster: 'natural_disaster',
  accident: 'accident',
  business_failure: 'business_failure',
  unstable_employment: 'unstable_employment',
  lack_of_labour: 'lack_of_labour',
  unsafe_housing: null,
  unsafe_water: null,
  other: 'other',
};

/** Distinct national risk types suggested by the declared difficulties, in RISK_TYPES order of first mention. */
export function suggestedRiskTypes(difficulties: readonly DifficultyType[]): RiskType[] {
  const out: RiskType[] = [];
  for (const d of difficulties) {
    const r = DIFFICULTY_RISK_TYPE[d];
    if (r && !out.includes(r)) out.push(r);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The form

export const DECLARATION_DESCRIPTION_MAX = 500;

const requiredPhone = z
  .string({ error: '请填写联系电话' })
  .max(30, '联系电话格式不正确')
  .transform((v, ctx) => {
    if (v.trim() === '') {
      ctx.addIssue({ code: 'custom', message: '请填写联系电话' });
      return z.NEVER;
    }
    const p = normalisePhone(v);
    if (p === null) {
      ctx.addIssue({ code: 'custom', message: '联系电话格式不正确（手机号 11 位，或带区号的固定电话）' });
      return z.NEVER;
    }
    return p;
  });

/** What the public form sends. Unknown keys are refused (strict), so nothing but these fields can be stored. */
export const declarationInputSchema = z
  .object({
    name: z.string({ error: '请填写姓名' }).trim().min(1, '请填写姓名').max(50, '姓名不能超过 50 个字'),
    phone: requiredPhone,
    idNumber: idNumberSchema,
    villageCode: z.string({ error: '请选择所在的村' }).pipe(villageCodeSchema),
    difficulties: z
      .array(z.enum(DIFFICULTY_TYPES, { error: '困难类型不正确' }), { error: '请至少选择一项困难类型' })
      .min(1, '请至少选择一项困难类型')
      .max(DIFFICULTY_TYPES.length, '困难类型不正确')
      .refine((a) => new Set(a).size === a.length, '困难类型不能重复'),
    description: z
      .string({ error: '请简要说明遇到的困难' })
      .trim()
      .min(2, '请简要说明遇到的困难')
      .max(DECLARATION_DESCRIPTION_MAX, `情况说明不能超过 ${DECLARATION_DESCRIPTION_MAX} 字`),
    consent: z.literal(true, { error: '请阅读并同意个人信息使用说明' }),
  })
  .strict();
export type DeclarationInput = z.output<typeof declarationInputSchema>;

// ---------------------------------------------------------------------------------------------------------
// Receipt codes: unguessable (50 random bits) and easy to read aloud over the phone — no 0/O, no 1/I.

export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const RECEIPT_CODE_LENGTH = 10;

/**
 * Builds a code from random bytes (the server passes crypto.randomBytes; core does no I/O). The alphabet has 32
 * characters, so the low 5 bits of each byte pick one without bias.
 */
export function receiptCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < RECEIPT_CODE_LENGTH) throw new RangeError(`need ${RECEIPT_CODE_LENGTH} random bytes`);
  let code = '';
  for (let i = 0; i < RECEIPT_CODE_LENGTH; i++) code += RECEIPT_ALPHABET[bytes[i]! & 31];
  return code;
}

/** Upper case, full-width folded, spaces and dashes dropped — what a person copies or reads back may carry them. */
export function normaliseReceiptCode(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(/[\s\-_]/g, '');
}

export function isReceiptCode(s: string): boolean {
  return s.length === RECEIPT_CODE_LENGTH && [...s].every((c) => RECEIPT_ALPHABET.includes(c));
}

/** Shown as two groups of five ("ABCDE-FGHJK"), the way it is read aloud. */
export function formatReceiptCode(code: string): string {
  return code.length === RECEIPT_CODE_LENGTH ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

export const declarationStatusQuerySchema = z
  .object({
    receiptCode: z
      .string({ error: '请输入受理编号' })
      .max(40, '受理编号不正确')
      .transform((v, ctx) => {
        const code = normaliseReceiptCode(v);
        if (!isReceiptCode(code)) {
          ctx.addIssue({ code: 'custom', message: `受理编号为 ${RECEIPT_CODE_LENGTH} 位字母和数字` });
          return z.NEVER;
        }
        return code;
      }),
    idLast4: z
      .string({ error: '请输入身份证号后 4 位' })
      .trim()
      .transform((v) => v.toUpperCase())
      .pipe(z.string().regex(/^[0-9]{3}[0-9X]$/, '请输入身份证号后 4 位')),
  })
  .strict();

// ---------------------------------------------------------------------------------------------------------
// Stages the declarant may see — derived from the case, never revealing who decided what or why.

export const DECLARATION_STATUSES = ['received', 'lead_opened', 'needs_registration', 'closed'] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];
export const DECLARATION_STATUS_LABELS: Record<DeclarationStatus, string> = {
  received: '已接收',
  lead_opened: '已转为线索',
  needs_registration: '待村里建档',
  closed: '已关闭',
};

export const DECLARATION_STAGES = ['received', 'home_check', 'review', 'included', 'not_included', 'closed'] as const;
export type DeclarationStage = (typeof DECLARATION_STAGES)[number];
export const DECLARATION_STAGE_LABELS: Record<DeclarationStage, string> = {
  received: '已受理',
  home_check: '入户核实中',
  review: '审核中',
  included: '已纳入监测',
  not_included: '未纳入',
  closed: '已办结',
};

/**
 * The one stage a declarant sees. A declaration still waiting for the village to register the household is
 * simply "received"; a closed declaration is "done" whatever the reason (the reason is for the village only).
 * Once it is a case, the case status decides: lead and home check → 入户核实中, appraisal/notice/review/approval →
 * 审核中, monitored (also while elimination is under way) → 已纳入监测, not included → 未纳入, eliminated → 已办结.
 */
export function declarationStage(declaration: { status: DeclarationStatus }, caseStatus: CaseStatus | null): DeclarationStage {
  switch (declaration.status) {
    case 'received':
    case 'needs_registration':
      return 'received';
    case 'closed':
      return 'closed';
    case 'lead_opened':
      return caseStatus === null ? 'received' : stageOfCase(caseStatus);
  }
}

function stageOfCase(status: CaseStatus): DeclarationStage {
  switch (status) {
    case 'lead':
    case 'home_check':
      return 'home_check';
    case 'in_notice':
    case 'township_review':
    case 'county_approval':
      return 'review';
    case 'monitored':
    case 'elimination_proposed':
    case 'elimination_in_notice':
    case 'elimination_township_review':
    case 'elimination_county_approval':
      return 'included';
    case 'closed_not_included':
      return 'not_included';
    case 'eliminated':
      return 'closed';
  }
}

/** Mondays to Fridays (public holidays would need a calendar from the server), as the case workflow counts them. */
export function addWorkingDays(date: string, days: number): string {
  let ms = Date.parse(`${date}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    ms += 86_400_000;
    const weekday = new Date(ms).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(ms).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------------
// The village's actions

export const declarationCloseSchema = z
  .object({ reason: z.string({ error: '请填写关闭原因' }).trim().min(2, '请填写关闭原因').max(200, '关闭原因不能超过 200 字') })
  .strict();
export const declarationLinkSchema = z.object({ householdId: z.uuid({ error: '请选择已建档的农户' }) }).strict();

/** The plain-language notice (PIPL 个人信息保护法 §17) the declarant acknowledges before sending. */
export const DECLARATION_PRIVACY_NOTICE = [
  '您填写的姓名、电话、身份证号和困难情况，只用于防止返贫监测帮扶：村里会在 2 个工作日内上门了解情况，并按规定核实、评议和审核。',
  '这些信息只有负责您所在村的工作人员可以查看，不会公开，也不会用于其他用途；村级公示只公示姓名和村组，不公示身份证号和电话。',
  '信息按档案管理规定保存。您可以凭受理编号和身份证号后 4 位查询办理进度，也可以联系村委会或拨打 12317 查询、更正。',
] as const;
