import { z } from 'zod';
import { formatYuan, MoneyFormatError, yuanToFen, type Fen } from '../money.ts';
import { isRegionPrefix, parentPrefix, regionPrefixSchema, toPrefix } from '../region-code.ts';

/**
 * The monitoring line (监测收入线, domain.md §2): an annual per-capita net income in fen, set per region and
 * per year. Provinces set it; a lower level may only raise it, and it must not fall from one year to the next.
 * Everything here is data-driven because the values differ by place (Yunnan 2024 8,700 yuan, 德化 19,560).
 */
export interface MonitoringLine {
  /** Natural region prefix (2/4/6/9/12 digits); a padded 12-digit code is read as its prefix. */
  regionCode: string;
  year: number;
  amountFen: Fen;
}

/** A line may not be above this (100,000 yuan): anything larger is a typo (extra digits), not a policy. */
export const MONITORING_LINE_MAX_FEN: Fen = 10_000_000;

/**
 * The natural prefix of a stored code, or null if it is not a region code. Padded codes ('530000000000') are
 * accepted because exports and older tables write them; anything malformed is ignored rather than guessed.
 */
function naturalCode(code: string): string | null {
  if (isRegionPrefix(code)) return code;
  if (typeof code === 'string' && /^\d{12}$/.test(code)) {
    try {
      return toPrefix(code);
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The line in force for a region and year: the line of the most specific region on the path from the province
 * down to `regionCode` (a village inherits its township's, county's, … line unless one is set lower down).
 * Should two lines exist for the same region and year, the later one in `lines` wins, so a caller passing rows
 * in creation order gets the most recent decision. Null when no ancestor has a line for that year.
 */
export function effectiveLine(lines: readonly MonitoringLine[], regionCode: string, year: number): MonitoringLine | null {
  const target = naturalCode(regionCode);
  if (target === null) return null;
  let best: MonitoringLine | null = null;
  let bestLength = -1;
  for (const line of lines) {
    if (line.year !== year) continue;
    const code = naturalCode(line.regionCode);
    if (code === null || !target.startsWith(code)) continue;
    if (code.length >= bestLength) {
      best = line;
      bestLength = code.length;
    }
  }
  return best;
}

/**
 * Why a proposed line may not be saved, in Chinese, or null when it may. Checked in this order, first problem
 * wins: a sane amount; not below the nearest ancestor's line of the same year (counties may only go higher,
 * §2); not below the line this region had in force the year before (逐年提高, seeds 000/004). An equal amount
 * is allowed year on year because provinces do keep a line (Yunnan 8,700 in 2024 and 2025).
 */
export function lineChangeProblem(
  input: { regionCode: string; year: number; amountFen: number },
  lines: readonly MonitoringLine[],
): string | null {
  const { amountFen, year } = input;
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0 || amountFen > MONITORING_LINE_MAX_FEN) {
    return `监测线必须大于 0 元且不超过 ${formatYuan(MONITORING_LINE_MAX_FEN)}，并以分为单位取整`;
  }
  if (!Number.isInteger(year)) return `年度不正确：${year}`;
  const region = naturalCode(input.regionCode);
  if (region === null) return `区划代码不正确：${input.regionCode}`;

  const parent = parentPrefix(region);
  if (parent !== null) {
    const above = effectiveLine(lines, parent, year);
    if (above !== null && amountFen < above.amountFen) {
      return `监测线 ${formatYuan(amountFen)}低于上级地区（${naturalCode(above.regionCode) ?? above.regionCode}）${year} 年的 ${formatYuan(above.amountFen)}，下级只能在上级基础上提高`;
    }
  }

  const lastYear = effectiveLine(lines, region, year - 1);
  if (lastYear !== null && amountFen < lastYear.amountFen) {
    const from = naturalCode(lastYear.regionCode) ?? lastYear.regionCode;
    const source = from === region ? '' : `（沿用上级地区 ${from} 的标准）`;
    return `监测线应逐年提高：${formatYuan(amountFen)}低于本地区 ${year - 1} 年执行的 ${formatYuan(lastYear.amountFen)}${source}`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Proposals

export type LineMethod = 'factors' | 'dibao_multiple' | 'manual';
export const LINE_METHODS = ['factors', 'dibao_multiple', 'manual'] as const satisfies readonly LineMethod[];
export const LINE_METHOD_LABELS: Record<LineMethod, string> = {
  factors: '按物价、农村居民收入、低保标准三因素测算',
  dibao_multiple: '按农村低保标准倍数测算',
  manual: '直接设定',
};

/** Proposals are rounded up to a whole 10 yuan, as published lines are (6,320; 7,260; 19,560). */
const ROUND_UP_TO_FEN = 1_000n;
/**
 * Rates and multiples are carried as integers in units of 1/10,000 so that the arithmetic is exact: in floating
 * point 600,000 × 1.052666… may land a hair above a multiple of 10 yuan and be rounded up one step too far.
 */
const SCALE = 10_000;

function scaled(value: number, what: string): bigint {
  if (!Number.isFinite(value)) throw new RangeError(`${what}不是有效数字：${value}`);
  return BigInt(Math.round(value * SCALE));
}

function ceilTo(numerator: bigint, denominator: bigint): Fen {
  // Callers guarantee both are positive, so ceiling division is (n + d − 1) ÷ d.
  const unit = denominator * ROUND_UP_TO_FEN;
  return Number(((numerator + unit - 1n) / unit) * ROUND_UP_TO_FEN);
}

function assertLineFen(fen: number, what: string): void {
  if (!Number.isSafeInteger(fen) || fen <= 0) throw new RangeError(`${what}必须是大于 0 的整数（分）：${fen}`);
}

function pctText(p: number): string {
  return `${Number(p.toFixed(4))}%`;
}

/**
 * Next year's line from last year's and the three factors Guizhou used (seed 003, ch. 5 §2): the price index
 * (CPI), rural per-capita disposable income and the rural dibao standard. The line grows by the mean of the
 * three growth rates and is rounded UP to a whole 10 yuan, so the proposal never falls short of the formula.
 * growthPct is that mean (rounded to 2 decimals for display), not the growth after rounding.
 * Rates are read to 4 decimal places.
 */
export function proposeLineByFactors(i: {
  previousLineFen: number;
  cpiGrowthPct: number;
  ruralIncomeGrowthPct: number;
  dibaoGrowthPct: number;
}): { amountFen: number; growthPct: number; explanation: string } {
  assertLineFen(i.previousLineFen, '上年监测线');
  const sum = scaled(i.cpiGrowthPct, '物价指数增幅') + scaled(i.ruralIncomeGrowthPct, '农村居民收入增幅') + scaled(i.dibaoGrowthPct, '低保标准增幅');
  // previous × (1 + sum ÷ 3 ÷ 100 ÷ SCALE) = previous × (300·SCALE + sum) ÷ (300·SCALE)
  const base = BigInt(300 * SCALE);
  const factor = base + sum;
  if (factor <= 0n) throw new RangeError('三项平均增幅不能低于 −100%');
  const numerator = BigInt(i.previousLineFen) * factor;
  const amountFen = ceilTo(numerator, base);
  const exactFen = Number((numerator * 2n + base) / (base * 2n)); // to the nearest fen, for the explanation only
  const mean = Number(sum) / 3 / SCALE;
  const growthPct = Math.round(mean * 100) / 100;
  const rounded = exactFen === amountFen ? '' : `，向上取整到 10 元为 ${formatYuan(amountFen)}`;
  const explanation =
    `上年监测线 ${formatYuan(i.previousLineFen)}；居民消费价格指数增幅 ${pctText(i.cpiGrowthPct)}、农村居民人均可支配收入增幅 ${pctText(i.ruralIncomeGrowthPct)}、` +
    `农村低保标准增幅 ${pctText(i.dibaoGrowthPct)}，三项平均 ${growthPct.toFixed(2)}%；` +
    `${formatYuan(i.previousLineFen)} ×（1 + ${growthPct.toFixed(2)}%）≈ ${formatYuan(exactFen)}${rounded}`;
  return { amountFen, growthPct, explanation };
}

/**
 * A line as a multiple of the rural dibao standard (some places use 2 ×; Fujian 德化 2024: 2 × 9,780 = 19,560),
 * rounded up to a whole 10 yuan. The multiple is read to 4 decimal places.
 */
export function proposeLineByDibaoMultiple(i: { dibaoStandardFenPerYear: number; multiple: number }): { amountFen: number; explanation: string } {
  assertLineFen(i.dibaoStandardFenPerYear, '农村低保标准');
  const m = scaled(i.multiple, '倍数');
  if (m <= 0n) throw new RangeError(`倍数必须大于 0：${i.multiple}`);
  const numerator = BigInt(i.dibaoStandardFenPerYear) * m;
  const base = BigInt(SCALE);
  const amountFen = ceilTo(numerator, base);
  const exactFen = Number((numerator * 2n + base) / (base * 2n));
  const rounded = exactFen === amountFen ? '' : `，向上取整到 10 元为 ${formatYuan(amountFen)}`;
  const explanation = `农村低保标准 ${formatYuan(i.dibaoStandardFenPerYear)}/年 × ${Number(i.multiple.toFixed(4))} 倍 = ${formatYuan(exactFen)}${rounded}`;
  return { amountFen, explanation };
}

// ---------------------------------------------------------------------------------------------------------
// Schemas

/** Yuan typed in a form (number or text such as '8,700') → positive fen within the sane range. */
function lineYuan(label: string) {
  return z.union([z.string(), z.number()], { error: `请填写${label}` }).transform((v, ctx): Fen => {
    let fen: Fen;
    try {
      fen = yuanToFen(v);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `${label}：${e instanceof MoneyFormatError ? e.message : '金额格式不正确'}` });
      return z.NEVER;
    }
    if (fen <= 0 || fen > MONITORING_LINE_MAX_FEN) {
      ctx.addIssue({ code: 'custom', message: `${label}必须大于 0 元且不超过 ${formatYuan(MONITORING_LINE_MAX_FEN)}` });
      return z.NEVER;
    }
    return fen;
  });
}

const yearSchema = z.number({ error: '请填写年度' }).int('年度必须是整数').min(2020, '年度不能早于 2020 年').max(2100, '年度不能晚于 2100 年');
const growthPctSchema = (label: string) =>
  z.number({ error: `请填写${label}（%）` }).finite(`${label}不是有效数字`).min(-50, `${label}不能低于 −50%`).max(100, `${label}不能高于 100%`);

/**
 * A line as entered. The amount arrives as yuan (amountYuan) and leaves as fen (amountFen), so no caller can
 * store yuan by mistake. `inputs` keeps whatever figures a proposal was computed from, for the audit trail.
 */
export const monitoringLineInputSchema = z
  .object({
    regionCode: regionPrefixSchema,
    year: yearSchema,
    amountYuan: lineYuan('监测线'),
    method: z.enum(LINE_METHODS, { error: '测算方式不正确' }).default('manual'),
    inputs: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])).optional(),
    note: z.string().trim().max(500, '说明不能超过 500 个字符').nullish(),
  })
  .strict()
  .transform(({ amountYuan, ...rest }) => ({ ...rest, amountFen: amountYuan }));
export type MonitoringLineInput = z.infer<typeof monitoringLineInputSchema>;
export type MonitoringLineFormValues = z.input<typeof monitoringLineInputSchema>;

/**
 * A request for a proposal. Output field names match the proposer functions (previousLineFen,
 * dibaoStandardFenPerYear), so a parsed value can be passed to them directly.
 */
export const lineProposalSchema = z.discriminatedUnion('method', [
  z
    .object({
      method: z.literal('factors'),
      previousLineYuan: lineYuan('上年监测线'),
      cpiGrowthPct: growthPctSchema('居民消费价格指数增幅'),
      ruralIncomeGrowthPct: growthPctSchema('农村居民人均可支配收入增幅'),
      dibaoGrowthPct: growthPctSchema('农村低保标准增幅'),
    })
    .strict()
    .transform(({ previousLineYuan, ...rest }) => ({ ...rest, previousLineFen: previousLineYuan })),
  z
    .object({
      method: z.literal('dibao_multiple'),
      dibaoStandardYuan: lineYuan('农村低保标准'),
      multiple: z.number({ error: '请填写倍数' }).finite('倍数不是有效数字').gt(0, '倍数必须大于 0').max(10, '倍数不能超过 10'),
    })
    .strict()
    .transform(({ dibaoStandardYuan, ...rest }) => ({ ...rest, dibaoStandardFenPerYear: dibaoStandardYuan })),
]);
export type LineProposalInput = z.infer<typeof lineProposalSchema>;
