import { z } from 'zod';
import { MEASURE_CATEGORIES } from '../cases/case-workflow.ts';
import { formatYuan, type Fen } from '../money.ts';
import { INCOME_PARTS, type IncomePart } from '../registry/income-items.ts';
import { normalisePhone } from '../registry/registry-schemas.ts';
import type { FocusIncome } from './focus-groups.ts';

/**
 * The one-household plan (一户一策 / 一户一方案, seeds 000, 001, 004): a named cadre (专人包保), a target year, a
 * per-capita net income target and optionally a target for each of the four parts (seed 004 states its targets per
 * part), the measures, and progress notes. Amounts are integer fen per person per year.
 */
export const PLAN_STATUSES = ['open', 'closed_out', 'reopened'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** How the ledgers show a plan's status; a household without a plan is 未制定. */
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  open: '帮扶中',
  closed_out: '已销号',
  reopened: '已重新纳入',
};
export const NO_PLAN_LABEL = '未制定';

/** Ledger filter: a plan status, or 'none' for households without a plan. */
export const PLAN_STATUS_FILTERS = ['none', ...PLAN_STATUSES] as const;
export type PlanStatusFilter = (typeof PLAN_STATUS_FILTERS)[number];

export const PART_TARGET_LABELS: Record<IncomePart, string> = {
  wage: '工资性收入',
  business: '经营净收入',
  property: '财产净收入',
  transfer: '转移净收入',
};

const safeFen = (message: string) => z.number({ error: message }).int(message).refine(Number.isSafeInteger, { message: '金额超出范围' });

const partTarget = (part: IncomePart) =>
  safeFen(`${PART_TARGET_LABELS[part]}目标必须是以分为单位的整数`)
    .refine((v) => v >= 0, { message: `${PART_TARGET_LABELS[part]}目标不能为负数` })
    .nullish()
    .transform((v) => v ?? null);

export const focusMeasureSchema = z
  .object({
    text: z.string({ error: '请填写帮扶措施内容' }).trim().min(1, '请填写帮扶措施内容').max(200, '每条帮扶措施不能超过 200 个字符'),
    // The 14 national measure categories (domain.md §6), the same list the monitoring cases use.
    category: z.enum(MEASURE_CATEGORIES, { error: '措施类别不正确' }).nullish().transform((v) => v ?? null),
  })
  .strict();
export type FocusMeasure = z.output<typeof focusMeasureSchema>;

export const partTargetsSchema = z
  .object({ wage: partTarget('wage'), business: partTarget('business'), property: partTarget('property'), transfer: partTarget('transfer') })
  .strict();
export type PartTargets = z.output<typeof partTargetsSchema>;

/**
 * Create (version 0) or revise (the version last read) a plan. Strict: the status, the household and the groups
 * are the server's. `cadrePhone` left out keeps the stored number (the API only ever shows it masked); null or ''
 * clears it. `progressNote` adds one dated note to the plan's progress, which is append-only.
 */
export const focusPlanInputSchema = z
  .object({
    version: z.number({ error: '缺少版本号' }).int('版本号不正确').min(0, '版本号不正确'),
    cadreName: z.string({ error: '请填写包保干部姓名' }).trim().min(1, '请填写包保干部姓名').max(30, '包保干部姓名不能超过 30 个字符'),
    cadrePhone: z
      .string({ error: '联系电话格式不正确' })
      .max(30, '联系电话格式不正确')
      .nullable()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return undefined;
        if (v === null || v.trim() === '') return null;
        const p = normalisePhone(v);
        if (p === null) {
          ctx.addIssue({ code: 'custom', message: '联系电话应为 11 位手机号或带区号的固定电话' });
          return z.NEVER;
        }
        return p;
      }),
    targetYear: z
      .number({ error: '请填写目标年度' })
      .int('目标年度必须是整数')
      .min(2020, '目标年度应在 2020 至 2100 年之间')
      .max(2100, '目标年度应在 2020 至 2100 年之间'),
    targetPerCapitaFen: safeFen('请填写人均纯收入目标（以分为单位的整数）').refine((v) => v > 0, { message: '人均纯收入目标必须大于 0' }),
    partTargetsFen: partTargetsSchema.default({ wage: null, business: null, property: null, transfer: null }),
    measures: z
      .array(focusMeasureSchema, { error: '请填写帮扶措施' })
      .min(1, '请至少填写一条帮扶措施')
      .max(30, '帮扶措施最多 30 条'),
    progressNote: z
      .string({ error: '进展情况格式不正确' })
      .trim()
      .max(500, '进展情况不能超过 500 个字符')
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .strict()
  .superRefine((plan, ctx) => {
    // With all four parts set they are the plan's breakdown of the target, so they must reach it (seed 004's
    // table: the parts add up to the total).
    const parts = INCOME_PARTS.map((p) => plan.partTargetsFen[p]);
    if (parts.every((v): v is number => v !== null)) {
      const sum = parts.reduce((a, b) => a + b, 0);
      if (sum < plan.targetPerCapitaFen) {
        ctx.addIssue({
          code: 'custom',
          path: ['partTargetsFen'],
          message: `四项分项目标合计 ${formatYuan(sum)}，低于人均纯收入目标 ${formatYuan(plan.targetPerCapitaFen)}`,
        });
      }
    }
  });
export type FocusPlanInput = z.input<typeof focusPlanInputSchema>;
export type FocusPlanParsed = z.output<typeof focusPlanInputSchema>;

/**
 * A new target year may not lie in the past (a plan is for the years ahead); an old plan whose year has passed can
 * still get progress notes and other revisions as long as its target year is left alone.
 */
export function targetYearProblem(targetYear: number, currentYear: number, storedTargetYear: number | null): string | null {
  if (targetYear === storedTargetYear) return null;
  return targetYear < currentYear ? `目标年度不能早于 ${currentYear} 年` : null;
}

export interface PlanTargets {
  targetPerCapitaFen: Fen;
  partTargetsFen: PartTargets;
}

export interface PlanTargetCheck {
  /** null: no valid income on record, so nothing can be said either way. */
  met: boolean | null;
  /** target − latest per-capita (positive = still short, ≤ 0 = reached); null without income. */
  gapFen: Fen | null;
  /** Parts with a target that the latest income does not reach. */
  unmetParts: IncomePart[];
}

/**
 * Close-out rule (销号): the target is met when the latest valid per-capita net income, annualised, reaches the
 * per-capita target AND every part that has a target reaches it. Parts without a target do not count. Why the parts
 * too: a plan that sets a part target commits measures to that wheel (e.g. a public-welfare job for wage income),
 * and seed 001 forbids "income on paper" — a one-off transfer lifting the total must not close out a plan whose
 * wage or business target is still unmet. A cadre who only cares about the total leaves the parts blank.
 */
export function checkPlanTarget(plan: PlanTargets, latest: FocusIncome | null): PlanTargetCheck {
  if (latest === null) return { met: null, gapFen: null, unmetParts: [] };
  const unmetParts = INCOME_PARTS.filter((p) => {
    const target = plan.partTargetsFen[p];
    return target !== null && latest.partsPerCapitaAnnualFen[p] < target;
  });
  const gapFen = plan.targetPerCapitaFen - latest.perCapitaAnnualFen;
  return { met: gapFen <= 0 && unmetParts.length === 0, gapFen, unmetParts };
}

/**
 * Status after a refresh. Met → closed out (销号), from open or reopened alike. A closed-out plan whose target is no
 * longer met (the income slipped, or the target was raised) is reopened (重新纳入); an open or reopened plan that is
 * still short stays as it is. Without valid income (met = null) nothing changes: a missing record is no evidence.
 * Applying it twice gives the same status as once, which is what makes the set-based refresh idempotent.
 */
export function nextPlanStatus(current: PlanStatus, met: boolean | null): PlanStatus {
  if (met === null) return current;
  if (met) return 'closed_out';
  return current === 'closed_out' ? 'reopened' : current;
}

/** Past its target year and not closed out: shown as overdue in the ledger. */
export function isPlanOverdue(status: PlanStatus, targetYear: number, currentYear: number): boolean {
  return status !== 'closed_out' && currentYear > targetYear;
}
