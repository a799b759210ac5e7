import { z } from 'zod';
import { PART_TARGET_LABELS } from '../focus/focus-plan.ts';
import { formatYuan, type Fen } from '../money.ts';
import { INCOME_PARTS, type IncomePart } from '../registry/income-items.ts';

/**
 * Income targets per region and year (增收目标, domain.md §3). Seed 004 states them the way every county plan does:
 * per-capita net income and each of the four parts in yuan, each part's share of the total, and the yearly growth
 * rate, starting from a base year's actual figures (2021 基数). Business is net of production costs, so the four
 * parts add up to the per-capita figure. Amounts are integer fen per person per year; shares and rates are
 * fractions (0.18 = 18 %).
 */
export const TARGET_YEAR_MIN = 2000;
export const TARGET_YEAR_MAX = 2100;

/** The seed tables round each part to the fen and the total separately, so the parts may miss it by a few fen. */
export const PARTS_SUM_TOLERANCE_FEN = 100;
/** Shares are stated to 0.01 %: four rounded shares may miss 100 % by up to 0.02 %, an amount its share by 0.005 %. */
export const SHARES_SUM_TOLERANCE = 0.0005;
export const SHARE_AMOUNT_TOLERANCE = 0.0001;

export type PartsFen = Record<IncomePart, Fen | null>;
export type PartShares = Record<IncomePart, number | null>;

export const TARGET_KIND_LABELS = { target: '目标', base: '基数' } as const;

const safeFen = (message: string) =>
  z.number({ error: message }).int(message).refine(Number.isSafeInteger, { message: '金额超出范围' });

const partFen = (part: IncomePart) => {
  const amount = safeFen(`${PART_TARGET_LABELS[part]}必须是以分为单位的整数`);
  // A bad harvest can leave business income net of costs below zero; the other parts cannot be.
  const checked = part === 'business' ? amount : amount.refine((v) => v >= 0, { message: `${PART_TARGET_LABELS[part]}不能为负数` });
  return checked.nullish().transform((v) => v ?? null);
};

const partShare = (part: IncomePart) =>
  z
    .number({ error: `${PART_TARGET_LABELS[part]}占比必须是数字` })
    .refine(Number.isFinite, { message: `${PART_TARGET_LABELS[part]}占比必须是数字` })
    .refine((v) => v >= (part === 'business' ? -1 : 0) && v <= 1, { message: `${PART_TARGET_LABELS[part]}占比应在 0 至 100% 之间` })
    .nullish()
    .transform((v) => v ?? null);

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文本` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符`)
    .nullish()
    .transform((v) => (v ? v : null));

export const targetYearSchema = z
  .number({ error: '请填写年度' })
  .int('年度应为整数')
  .min(TARGET_YEAR_MIN, `年度应在 ${TARGET_YEAR_MIN} 至 ${TARGET_YEAR_MAX} 年之间`)
  .max(TARGET_YEAR_MAX, `年度应在 ${TARGET_YEAR_MIN} 至 ${TARGET_YEAR_MAX} 年之间`);

/**
 * One target (or base) of a region and year, as a form or a sheet row gives it; the region and year are the
 * address, not the body. A part may be entered as an amount (`partsFen`) or as a share of the per-capita figure
 * (`partShares`): a share alone is converted to an amount, both together must agree. `version` is the version last
 * read (0 for a new one) so a stale save is refused.
 */
export const incomeTargetBodySchema = z
  .object({
    base: z.boolean({ error: '请选择目标或基数' }).default(false),
    perCapitaNetFen: safeFen('请填写人均纯收入（以分为单位的整数）').refine((v) => v > 0, { message: '人均纯收入必须大于 0' }),
    partsFen: z
      .object({ wage: partFen('wage'), business: partFen('business'), property: partFen('property'), transfer: partFen('transfer') })
      .strict()
      .default({ wage: null, business: null, property: null, transfer: null }),
    partShares: z
      .object({ wage: partShare('wage'), business: partShare('business'), property: partShare('property'), transfer: partShare('transfer') })
      .strict()
      .default({ wage: null, business: null, property: null, transfer: null }),
    growthRate: z
      .number({ error: '增速必须是数字' })
      .refine(Number.isFinite, { message: '增速必须是数字' })
      .refine((v) => v > -1 && v <= 10, { message: '增速应在 -100% 至 1000% 之间' })
      .nullish()
      .transform((v) => v ?? null),
    source: optionalText('来源', 200),
    note: optionalText('备注', 500),
    version: z.number({ error: '缺少版本号' }).int('版本号不正确').min(0, '版本号不正确'),
  })
  .strict()
  .transform((input, ctx) => {
    const resolved = resolveTarget(input);
    for (const issue of resolved.problems) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return {
      base: input.base,
      perCapitaNetFen: input.perCapitaNetFen,
      partsFen: resolved.partsFen,
      growthRate: input.growthRate,
      source: input.source,
      note: input.note,
      version: input.version,
    };
  });
export type IncomeTargetBody = z.input<typeof incomeTargetBodySchema>;
export type IncomeTarget = z.output<typeof incomeTargetBodySchema>;
/** What is stored for a region and year. */
export type IncomeTargetValues = Omit<IncomeTarget, 'version'> & { regionCode: string; year: number };

export interface TargetProblem {
  path: (string | number)[];
  message: string;
}

const pct = (share: number) => `${(share * 100).toFixed(2)}%`;

/**
 * Amounts of the four parts (a share alone converted against the per-capita figure) and the consistency
 * problems, with Chinese reasons: a share that disagrees with its amount, entered shares not summing to 100 %,
 * parts not summing to the per-capita figure within a yuan.
 */
export function resolveTarget(input: { perCapitaNetFen: Fen; partsFen: PartsFen; partShares: PartShares }): {
  partsFen: PartsFen;
  problems: TargetProblem[];
} {
  const problems: TargetProblem[] = [];
  const partsFen = { ...input.partsFen };
  for (const part of INCOME_PARTS) {
    const share = input.partShares[part];
    if (share === null) continue;
    const amount = partsFen[part];
    if (amount === null) {
      partsFen[part] = Math.round(input.perCapitaNetFen * share);
    } else if (Math.abs(amount / input.perCapitaNetFen - share) > SHARE_AMOUNT_TOLERANCE + 1e-9) {
      problems.push({
        path: ['partShares', part],
        message: `${PART_TARGET_LABELS[part]} ${formatYuan(amount)} 占人均纯收入的 ${pct(amount / input.perCapitaNetFen)}，与填写的占比 ${pct(share)} 不一致`,
      });
    }
  }
  const shares = INCOME_PARTS.map((p) => input.partShares[p]);
  if (shares.every((s) => s !== null)) {
    const sum = shares.reduce<number>((a, s) => a + s!, 0);
    if (Math.abs(sum - 1) > SHARES_SUM_TOLERANCE + 1e-9) {
      problems.push({ path: ['partShares'], message: `四项收入占比合计 ${pct(sum)}，应为 100%` });
    }
  }
  const amounts = INCOME_PARTS.map((p) => partsFen[p]);
  if (amounts.every((a) => a !== null)) {
    const sum = amounts.reduce<number>((a, v) => a + v!, 0);
    if (Math.abs(sum - input.perCapitaNetFen) > PARTS_SUM_TOLERANCE_FEN) {
      problems.push({
        path: ['partsFen'],
        message: `四项收入合计 ${formatYuan(sum)}，与人均纯收入 ${formatYuan(input.perCapitaNetFen)} 相差超过 1 元`,
      });
    }
  } else if (partsFen.business !== null) {
    // With business entered, every missing part is at least zero, so the entered ones cannot exceed the total.
    const sum = amounts.reduce<number>((a, v) => a + (v ?? 0), 0);
    if (sum > input.perCapitaNetFen + PARTS_SUM_TOLERANCE_FEN) {
      problems.push({
        path: ['partsFen'],
        message: `已填分项合计 ${formatYuan(sum)}，超过人均纯收入 ${formatYuan(input.perCapitaNetFen)}`,
      });
    }
  }
  return { partsFen, problems };
}

/** Each part's share of the per-capita figure; null where the part is not set. */
export function targetShares(perCapitaNetFen: Fen, partsFen: PartsFen): PartShares {
  const shares = {} as PartShares;
  for (const part of INCOME_PARTS) {
    const amount = partsFen[part];
    shares[part] = amount === null || perCapitaNetFen <= 0 ? null : amount / perCapitaNetFen;
  }
  return shares;
}

/** Growth over the previous year's target or base: null when there is none to compare with. */
export function growthRateOf(perCapitaNetFen: Fen, previousFen: Fen | null | undefined): number | null {
  if (previousFen === null || previousFen === undefined || previousFen <= 0) return null;
  return perCapitaNetFen / previousFen - 1;
}

/** The growth a table shows: the stated rate, else the one derived from the previous year. */
export function effectiveGrowthRate(stated: number | null, perCapitaNetFen: Fen, previousFen: Fen | null | undefined): number | null {
  return stated ?? growthRateOf(perCapitaNetFen, previousFen);
}

/** Next year's per-capita figure at a yearly growth rate, rounded to the fen (how seed 004 builds its row). */
export function grownFen(fen: Fen, rate: number): Fen {
  return Math.round(fen * (1 + rate));
}

/** Do two stored targets say the same thing? A re-import of an unchanged row must not make a new version. */
export function sameTargetValues(a: IncomeTargetValues, b: IncomeTargetValues): boolean {
  return (
    a.regionCode === b.regionCode &&
    a.year === b.year &&
    a.base === b.base &&
    a.perCapitaNetFen === b.perCapitaNetFen &&
    INCOME_PARTS.every((p) => a.partsFen[p] === b.partsFen[p]) &&
    sameRate(a.growthRate, b.growthRate) &&
    a.source === b.source &&
    a.note === b.note
  );
}

const sameRate = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 5e-6);

/** A target as the API lists it: amounts, derived shares, stated and derived growth, and who set it. */
export interface IncomeTargetView {
  id: number;
  regionCode: string;
  regionName: string | null;
  year: number;
  version: number;
  base: boolean;
  perCapitaNetFen: Fen;
  partsFen: PartsFen;
  partShares: PartShares;
  /** As stated by the document or the person who set it. */
  growthRate: number | null;
  /** From the same region's previous-year target or base; null when there is none. */
  derivedGrowthRate: number | null;
  source: string | null;
  note: string | null;
  setByName: string;
  setAt: string;
}
