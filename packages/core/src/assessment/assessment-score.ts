import type { RegionLevel } from '../region-code.ts';
import {
  ASSESSMENT_INDICATOR_LABELS, REFERENCE_KIND_LABELS, referenceName, type AssessmentIndicator, type AssessmentRule, type AssessmentRules,
} from './assessment-rules.ts';

export type IndicatorValues = Partial<Record<AssessmentIndicator, number | null>>;

export interface AssessedRegion {
  code: string;
  name: string;
  values: IndicatorValues;
}

export interface AssessmentItem {
  indicator: AssessmentIndicator;
  method: AssessmentRule['method'];
  value: number | null;
  /** The value compared with: the reference share, or the threshold; null for counts. */
  reference: number | null;
  /** Signed: negative is a deduction. */
  points: number;
  explanation: string;
}

export interface RegionScore {
  code: string;
  name: string;
  items: AssessmentItem[];
  total: number;
  /** 1 = best; regions with the same total share a rank (1, 1, 3). */
  rank: number;
}

/**
 * Shares are compared at the precision the report prints them (hundredths of a percentage point), in integers, so
 * a reader who subtracts the two printed figures and multiplies by the rate gets exactly the printed points.
 */
const hundredthsOfPoint = (share: number) => Math.round(share * 10_000);
const pct = (h: number) => `${(h / 100).toFixed(2)}%`;
const round2 = (n: number) => Math.round(n * 100) / 100;
/** 1.25 → "1.25", 2 → "2" (a score sheet writes points without trailing zeros). */
export const formatPoints = (n: number) => String(round2(n));

function mean(values: readonly (number | null | undefined)[]): number | null {
  const present = values.filter((v): v is number => typeof v === 'number');
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}

function capped(deduction: number, max: number | null): { points: number; note: string } {
  if (max !== null && deduction > max) return { points: max, note: `，达到上限，扣 ${formatPoints(max)} 分` };
  return { points: deduction, note: deduction > 0 ? `，扣 ${formatPoints(deduction)} 分` : '' };
}

function scoreRule(rule: AssessmentRule, region: AssessedRegion, references: IndicatorValues, referenceLabel: string): AssessmentItem {
  const label = ASSESSMENT_INDICATOR_LABELS[rule.indicator];
  const raw = region.values[rule.indicator];
  const value = typeof raw === 'number' ? raw : null;
  const base = { indicator: rule.indicator, method: rule.method, value };
  switch (rule.method) {
    case 'per_point_vs_reference': {
      const ref = references[rule.indicator] ?? null;
      if (value === null || ref === null) {
        return { ...base, reference: ref, points: 0, explanation: `${label}无可比数据，本项不计分` };
      }
      const v = hundredthsOfPoint(value);
      const r = hundredthsOfPoint(ref);
      const gap = rule.worseWhen === 'above' ? v - r : r - v;
      const side = rule.worseWhen === 'above' ? '高于' : '低于';
      const where = rule.reference === 'parent' ? referenceLabel : '各参评地区平均';
      if (gap <= 0) {
        return { ...base, reference: ref, points: 0, explanation: `${label} ${pct(v)}，不${side}${where} ${pct(r)}，不扣分` };
      }
      const counted = rule.counting === 'whole_points' ? Math.floor(gap / 100) * 100 : gap;
      const { points, note } = capped(Math.round(counted * rule.pointsPerPoint) / 100, rule.maxDeduction);
      const countedNote = rule.counting === 'whole_points' ? `（按整百分点计 ${counted / 100} 个）` : '';
      return {
        ...base, reference: ref, points: points === 0 ? 0 : -points,
        explanation: `${label} ${pct(v)}，${side}${where} ${pct(r)} ${(gap / 100).toFixed(2)} 个百分点${countedNote}，每${side} 1 个百分点扣 ${formatPoints(rule.pointsPerPoint)} 分${note || '，不扣分'}`,
      };
    }
    case 'threshold': {
      if (value === null) return { ...base, reference: rule.threshold, points: 0, explanation: `${label}无数据，本项不计分` };
      const v = hundredthsOfPoint(value);
      const t = hundredthsOfPoint(rule.threshold);
      if (v >= t) {
        return { ...base, reference: rule.threshold, points: rule.bonus, explanation: `${label} ${pct(v)}，达到 ${pct(t)}${rule.bonus > 0 ? `，加 ${formatPoints(rule.bonus)} 分` : ''}` };
      }
      return {
        ...base, reference: rule.threshold, points: rule.penalty === 0 ? 0 : -rule.penalty,
        explanation: `${label} ${pct(v)}，未达到 ${pct(t)}${rule.penalty > 0 ? `，扣 ${formatPoints(rule.penalty)} 分` : ''}`,
      };
    }
    case 'per_item': {
      if (value === null) return { ...base, reference: null, points: 0, explanation: `${label}无数据，本项不计分` };
      if (value <= 0) return { ...base, reference: null, points: 0, explanation: `${label} 0 件，不扣分` };
      const { points, note } = capped(round2(value * rule.pointsPerItem), rule.maxDeduction);
      return {
        ...base, reference: null, points: points === 0 ? 0 : -points,
        explanation: `${label} ${value} 件，每件扣 ${formatPoints(rule.pointsPerItem)} 分${note || '，不扣分'}`,
      };
    }
  }
}

/**
 * Scores each region against the rules: the base score plus each rule's points, with a Chinese sentence per rule
 * saying how its points came about, and ranks them (highest total first; equal totals share a rank).
 * `parent` holds the parent region's own figures, the reference of rules that compare with it.
 */
export function scoreRegions(rules: AssessmentRules, regions: readonly AssessedRegion[], parent: { level: RegionLevel; values: IndicatorValues }): RegionScore[] {
  const references: Partial<Record<AssessmentIndicator, IndicatorValues>> = {};
  const referenceFor = (rule: AssessmentRule): IndicatorValues => {
    if (rule.method !== 'per_point_vs_reference' || rule.reference === 'parent') return parent.values;
    return (references[rule.indicator] ??= { [rule.indicator]: mean(regions.map((r) => r.values[rule.indicator])) });
  };
  const label = referenceName(parent.level);
  const scored = regions.map((region) => {
    const items = rules.rules.map((rule) => scoreRule(rule, region, referenceFor(rule), label));
    const total = round2(items.reduce((sum, item) => sum + item.points, rules.baseScore));
    return { code: region.code, name: region.name, items, total, rank: 0 };
  });
  const sorted = [...scored].sort((a, b) => b.total - a.total || a.code.localeCompare(b.code));
  return sorted.map((s) => ({ ...s, rank: 1 + sorted.filter((o) => o.total > s.total).length }));
}

/** One sentence per rule, as the exported rules sheet and the web editor read it. */
export function describeRule(rule: AssessmentRule, referenceLabel = '上级地区'): string {
  const label = ASSESSMENT_INDICATOR_LABELS[rule.indicator];
  switch (rule.method) {
    case 'per_point_vs_reference': {
      const ref = rule.reference === 'parent' ? referenceLabel : REFERENCE_KIND_LABELS.children_mean;
      const side = rule.worseWhen === 'above' ? '高于' : '低于';
      const cap = rule.maxDeduction === null ? '' : `，最多扣 ${formatPoints(rule.maxDeduction)} 分`;
      return `${label}每${side}${ref} 1 个百分点扣 ${formatPoints(rule.pointsPerPoint)} 分${rule.counting === 'whole_points' ? '（按整百分点计）' : ''}${cap}`;
    }
    case 'threshold':
      return `${label}达到 ${(rule.threshold * 100).toFixed(2)}% 加 ${formatPoints(rule.bonus)} 分，未达到扣 ${formatPoints(rule.penalty)} 分`;
    case 'per_item':
      return `${label}每件扣 ${formatPoints(rule.pointsPerItem)} 分${rule.maxDeduction === null ? '' : `，最多扣 ${formatPoints(rule.maxDeduction)} 分`}`;
  }
}
