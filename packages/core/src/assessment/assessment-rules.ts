import { z } from 'zod';
import type { RegionLevel } from '../region-code.ts';

/**
 * Quarterly assessment (季度考核) of the counties of a city, or the townships of a county. Seed 002 names one
 * rule — "按季度调度省办系统中生产经营收入下降的户占比，每高全市1个百分点扣0.5分" — and leaves the rest to each
 * leading group, so the scoring is data: a base score and a list of rules, stored per region (settings key
 * 'assessment') and applied to the children of that region.
 */

/** Figures a rule can score, each as the dashboard gives it for a region and quarter. */
export const ASSESSMENT_INDICATORS = ['business_fell_share', 'income_fell_share', 'growth_rate', 'target_reached', 'cases_overdue', 'warnings_open'] as const;
export type AssessmentIndicator = (typeof ASSESSMENT_INDICATORS)[number];

export const ASSESSMENT_INDICATOR_LABELS: Record<AssessmentIndicator, string> = {
  business_fell_share: '生产经营性收入下降户占比',
  income_fell_share: '人均纯收入下降户占比',
  growth_rate: '人均纯收入同比增幅',
  target_reached: '年度增收目标完成率',
  cases_overdue: '超时限未办结案件',
  warnings_open: '未处置预警',
};

/** Fractions (0.125 = 12.5 %), compared in percentage points; the others are counts. */
export const SHARE_INDICATORS = ['business_fell_share', 'income_fell_share', 'growth_rate', 'target_reached'] as const;
export type ShareIndicator = (typeof SHARE_INDICATORS)[number];
export const COUNT_INDICATORS = ['cases_overdue', 'warnings_open'] as const;
export type CountIndicator = (typeof COUNT_INDICATORS)[number];

export const ASSESSMENT_METHODS = ['per_point_vs_reference', 'threshold', 'per_item'] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];
export const ASSESSMENT_METHOD_LABELS: Record<AssessmentMethod, string> = {
  per_point_vs_reference: '与平均水平比较，每差 1 个百分点扣分',
  threshold: '达到标准加分，未达到扣分',
  per_item: '按件扣分',
};

/**
 * 'parent' is the parent region's own share (all its households together): "全市" in seed 002 is the city as one
 * population, so a county of 800 households does not weigh as much as one of 30,000. 'children_mean' is the plain
 * mean of the children's shares, which some leading groups use so that every county counts once.
 */
export const REFERENCE_KINDS = ['parent', 'children_mean'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];
export const REFERENCE_KIND_LABELS: Record<ReferenceKind, string> = {
  parent: '上级地区总体水平',
  children_mean: '各参评地区的算术平均',
};

/** 'exact': 2.5 points above costs 2.5 × rate; 'whole_points': only full percentage points count (2.5 → 2). */
export const POINT_COUNTINGS = ['exact', 'whole_points'] as const;
export type PointCounting = (typeof POINT_COUNTINGS)[number];

export type AssessmentRule =
  | {
      method: 'per_point_vs_reference';
      indicator: ShareIndicator;
      /** 'above': a share higher than the reference is worse (falling income); 'below': lower is worse (growth). */
      worseWhen: 'above' | 'below';
      reference: ReferenceKind;
      pointsPerPoint: number;
      counting: PointCounting;
      /** Most points one rule may take away; null = no cap. */
      maxDeduction: number | null;
    }
  | { method: 'threshold'; indicator: ShareIndicator; threshold: number; bonus: number; penalty: number }
  | { method: 'per_item'; indicator: CountIndicator; pointsPerItem: number; maxDeduction: number | null };

export interface AssessmentRules {
  baseScore: number;
  rules: AssessmentRule[];
}

const points = (label: string) =>
  z.number({ error: `${label}必须是数字` }).finite(`${label}必须是数字`).min(0, `${label}不能为负数`).max(100, `${label}不能超过 100 分`);
const cap = z.number({ error: '扣分上限必须是数字' }).finite().positive('扣分上限必须大于 0').max(100, '扣分上限不能超过 100 分').nullable();

const ruleSchema = z.discriminatedUnion(
  'method',
  [
    z.object({
      method: z.literal('per_point_vs_reference'),
      indicator: z.enum(SHARE_INDICATORS, { error: '该计分方式只适用于占比类指标' }),
      worseWhen: z.enum(['above', 'below'], { error: '请选择高于还是低于参照值时扣分' }),
      reference: z.enum(REFERENCE_KINDS, { error: '请选择参照值' }),
      pointsPerPoint: points('每个百分点扣分'),
      counting: z.enum(POINT_COUNTINGS, { error: '请选择百分点的计算方式' }).default('exact'),
      maxDeduction: cap.default(null),
    }).strict(),
    z.object({
      method: z.literal('threshold'),
      indicator: z.enum(SHARE_INDICATORS, { error: '该计分方式只适用于占比类指标' }),
      threshold: z.number({ error: '标准值必须是数字' }).finite().min(-10, '标准值超出范围').max(10, '标准值超出范围'),
      bonus: points('达标加分'),
      penalty: points('未达标扣分'),
    }).strict(),
    z.object({
      method: z.literal('per_item'),
      indicator: z.enum(COUNT_INDICATORS, { error: '按件扣分只适用于件数类指标' }),
      pointsPerItem: points('每件扣分'),
      maxDeduction: cap.default(null),
    }).strict(),
  ],
  { error: '请选择计分方式' },
);

export const assessmentRulesSchema = z
  .object({
    baseScore: z.number({ error: '基础分必须是数字' }).finite().min(0, '基础分不能为负数').max(1000, '基础分不能超过 1000'),
    rules: z.array(ruleSchema).max(30, '计分规则不能超过 30 条'),
  })
  .strict()
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.rules.forEach((r, i) => {
      const key = `${r.method}:${r.indicator}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['rules', i], message: `第 ${i + 1} 条规则与前面的规则重复（同一指标、同一计分方式）` });
      seen.add(key);
    });
  });

/** Seed 002's rule, and nothing else: no seed sets weights for the other indicators, so each place adds its own. */
export const SEED_002_RULE: Readonly<AssessmentRule> = Object.freeze({
  method: 'per_point_vs_reference',
  indicator: 'business_fell_share',
  worseWhen: 'above',
  reference: 'parent',
  pointsPerPoint: 0.5,
  counting: 'exact',
  maxDeduction: null,
});

export const DEFAULT_ASSESSMENT_RULES: Readonly<AssessmentRules> = Object.freeze({ baseScore: 100, rules: [SEED_002_RULE] });

/** How the parent region is named in an explanation: "高于全市 …". */
export function referenceName(parentLevel: RegionLevel): string {
  switch (parentLevel) {
    case 'province':
      return '全省';
    case 'city':
      return '全市';
    case 'county':
      return '全县';
    case 'township':
      return '全乡镇';
    case 'village':
      return '全村';
  }
}
