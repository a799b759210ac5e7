import { z } from 'zod';
import { divideFenRounded, formatYuan, sumFen, type Fen } from '../money.ts';
import { INCOME_PART_LABELS, INCOME_PARTS, type IncomePart } from '../registry/income-items.ts';
import { annualise } from '../registry/income.ts';

/**
 * Early warning (预警, domain.md §4 channel 2 and §1 focus groups): rules over one household's facts that point
 * cadres at households to visit. A warning is a lead, never a decision: identification still needs the home
 * visit and the procedure of §5. Rules are data with thresholds from a per-region config, and every finding
 * carries the rule version and the numbers used, so a warning raised last year can still be explained after
 * the rules change.
 */
export const WARNING_RULES_VERSION = '2026.1';

export const WARNING_RULE_IDS = [
  'below_line',
  'near_line',
  'income_fell',
  'part_fell',
  'rigid_spending',
  'no_labour',
  'problem_flags',
  'focus_low_income',
] as const;
export type WarningRuleId = (typeof WARNING_RULE_IDS)[number];

export type WarningIncomeParts = { wage: Fen; business: Fen; property: Fen; transfer: Fen };

export interface HouseholdWarningFacts {
  householdId: string;
  villageCode: string;
  householdType: 'poverty_exit' | 'ordinary' | 'exit_no_policy';
  monitoringCategory: string | null;
  year: number;
  /** Quarter of the latest valid record; its amounts are year-to-date up to the end of this quarter. */
  quarter: number;
  /** Latest valid record's per-capita net income, annualised; null = no valid record. */
  perCapitaAnnualFen: Fen | null;
  /** Effective monitoring line for the record's year; null when none is configured. */
  lineFen: Fen | null;
  /** Same quarter of the previous year, annualised; null = no such record. */
  previousYearSamePeriodPerCapitaAnnualFen: Fen | null;
  /** This period's year-to-date part totals (business net of costs). */
  parts: WarningIncomeParts;
  previousYearSamePeriodParts: WarningIncomeParts | null;
  /** Year-to-date compliant out-of-pocket medical spending. */
  medicalOutOfPocketFen: Fen;
  /** Year-to-date schooling spending; 0 when not recorded. */
  schoolingSpendFen: Fen;
  householdSize: number;
  /** Members whose labour capacity is normal or skilled. */
  membersAbleToWork: number;
  memberCount: number;
  flags: { unsafeHousing: boolean; unsafeWater: boolean; schoolDropout: boolean; uninsuredMember: boolean };
}

export interface WarningConfig {
  /** Income within this % above the line counts as near the line (default 10). */
  marginPct: number;
  /** Per-capita income fell by at least this % against the same period last year (default 10). */
  fallPct: number;
  /** One of the four parts fell by at least this % (default 20)… */
  partFallPct: number;
  /** …and by at least this much per household-year, annualised (default 500 yuan), so tiny parts stay quiet. */
  partFallMinFen?: Fen;
  /** The focus group of seeds 000/004: per-capita income below 10,000 yuan. */
  focusThresholdFen: Fen;
  /** A rule missing from the map is enabled, so a config saved before a rule existed still runs it. */
  enabled: Partial<Record<WarningRuleId, boolean>>;
  /** Multiplies a rule's score (1 = as designed, 0 = shown but not counted). */
  weights?: Partial<Record<WarningRuleId, number>>;
}

const DEFAULT_PART_FALL_MIN_FEN: Fen = 50_000;

export const DEFAULT_WARNING_CONFIG: Readonly<WarningConfig> = Object.freeze({
  marginPct: 10,
  fallPct: 10,
  partFallPct: 20,
  partFallMinFen: DEFAULT_PART_FALL_MIN_FEN,
  focusThresholdFen: 1_000_000,
  enabled: Object.freeze(Object.fromEntries(WARNING_RULE_IDS.map((id) => [id, true]))) as Record<WarningRuleId, boolean>,
});

const ruleIdSchema = z.enum(WARNING_RULE_IDS);
const pctSchema = (label: string) => z.number({ error: `${label}必须是数字` }).finite().min(0, `${label}不能为负数`).max(100, `${label}不能超过 100%`);
const thresholdFen = z.number().int('金额必须是以分为单位的整数').min(0, '金额不能为负数').refine(Number.isSafeInteger, { message: '金额超出范围' });

/**
 * Stored config (per region, per year). Every field falls back to the default, so a region stores only what it
 * changes; unknown keys and rule ids are refused (a misspelt id would otherwise leave the rule silently on).
 */
export const warningConfigSchema = z
  .object({
    marginPct: pctSchema('接近监测线幅度').default(DEFAULT_WARNING_CONFIG.marginPct),
    fallPct: pctSchema('收入下降幅度').default(DEFAULT_WARNING_CONFIG.fallPct),
    partFallPct: pctSchema('分项收入下降幅度').default(DEFAULT_WARNING_CONFIG.partFallPct),
    partFallMinFen: thresholdFen.default(DEFAULT_PART_FALL_MIN_FEN),
    focusThresholdFen: thresholdFen.default(DEFAULT_WARNING_CONFIG.focusThresholdFen),
    enabled: z.partialRecord(ruleIdSchema, z.boolean()).default({}),
    weights: z.partialRecord(ruleIdSchema, z.number().finite().min(0, '权重不能为负数').max(10, '权重不能超过 10')).optional(),
  })
  .strict();

export interface WarningFinding {
  ruleId: WarningRuleId;
  ruleVersion: string;
  title: string;
  explanation: string;
  /** This rule's contribution to the risk score, 0–100, after the configured weight. */
  score: number;
  facts: Record<string, number | string | boolean | null>;
}

export interface HouseholdWarningResult {
  findings: WarningFinding[];
  /** Sum of the contributions, capped at 100. */
  riskScore: number;
}

/** What a rule returns before the weight and the version are applied. */
interface RuleHit {
  explanation: string;
  /** Unweighted score, 0–100. */
  score: number;
  facts: WarningFinding['facts'];
}

export interface WarningRule {
  id: WarningRuleId;
  title: string;
  /** Needs a valid income record; skipped when perCapitaAnnualFen is null. */
  needsIncome: boolean;
  check(facts: HouseholdWarningFacts, config: WarningConfig): RuleHit | null;
}

// ---------------------------------------------------------------------------------------------------------

const yuan = formatYuan;

/** Explanations must say that a partial-year figure was scaled, or a Q1 household looks 4× poorer/richer. */
function basis(f: HouseholdWarningFacts): string {
  return f.quarter === 4 ? `（按 ${f.year} 年全年累计）` : `（按 ${f.year} 年第 ${f.quarter} 季度累计折算全年）`;
}

/** "a fell to b" as a percentage of a, one decimal, for explanations only (comparisons stay in integers). */
function fallText(before: Fen, after: Fen): string {
  return `${(((before - after) / before) * 100).toFixed(1)}%`;
}

/** before − after ≥ pct % of before, without dividing. Only meaningful for before > 0. */
function fellBy(before: Fen, after: Fen, pct: number): boolean {
  return before > 0 && (before - after) * 100 >= pct * before;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

const FLAG_LABELS: Record<keyof HouseholdWarningFacts['flags'], string> = {
  unsafeHousing: '住房不安全',
  unsafeWater: '饮水不安全',
  schoolDropout: '义务教育阶段失学辍学',
  uninsuredMember: '有成员未参加基本医保',
};

export const WARNING_RULES: readonly WarningRule[] = [
  {
    id: 'below_line',
    title: '人均纯收入低于监测线',
    needsIncome: true,
    check(f): RuleHit | null {
      const pc = f.perCapitaAnnualFen;
      if (pc === null || f.lineFen === null || pc >= f.lineFen) return null;
      const gap = f.lineFen - pc;
      // 40 at the line, rising with the shortfall to 100 when there is no income at all.
      const score = 40 + Math.round(60 * clamp(gap / f.lineFen, 0, 1));
      return {
        explanation: `人均纯收入 ${yuan(pc)}，低于 ${f.year} 年监测线 ${yuan(f.lineFen)}，差 ${yuan(gap)}${basis(f)}`,
        score,
        facts: { perCapitaAnnualFen: pc, lineFen: f.lineFen, gapFen: gap, year: f.year, quarter: f.quarter },
      };
    },
  },
  {
    id: 'near_line',
    title: '人均纯收入接近监测线',
    needsIncome: true,
    check(f, c): RuleHit | null {
      const pc = f.perCapitaAnnualFen;
      if (pc === null || f.lineFen === null || pc < f.lineFen) return null;
      // pc < line × (1 + margin%), compared as pc × 100 < line × (100 + margin) to stay in integers.
      if (pc * 100 >= f.lineFen * (100 + c.marginPct)) return null;
      const above = pc - f.lineFen;
      const band = (f.lineFen * c.marginPct) / 100;
      // 30 right at the line, 20 at the edge of the band.
      const score = 20 + Math.round(10 * clamp(1 - above / band, 0, 1));
      return {
        explanation: `人均纯收入 ${yuan(pc)}，高出 ${f.year} 年监测线 ${yuan(f.lineFen)}仅 ${yuan(above)}，在监测线上浮 ${c.marginPct}% 以内${basis(f)}`,
        score,
        facts: { perCapitaAnnualFen: pc, lineFen: f.lineFen, aboveFen: above, marginPct: c.marginPct, year: f.year, quarter: f.quarter },
      };
    },
  },
  {
    id: 'income_fell',
    title: '人均纯收入较上年同期下降',
    needsIncome: true,
    check(f, c): RuleHit | null {
      const pc = f.perCapitaAnnualFen;
      const prev = f.previousYearSamePeriodPerCapitaAnnualFen;
      if (pc === null || prev === null || !fellBy(prev, pc, c.fallPct)) return null;
      // 15 for a fall at the threshold, up to 30 for a halving or worse.
      const score = 15 + Math.round(15 * clamp((prev - pc) / prev / 0.5, 0, 1));
      return {
        explanation: `人均纯收入 ${yuan(pc)}，比上年同期 ${yuan(prev)}下降 ${fallText(prev, pc)}，达到 ${c.fallPct}% 的预警幅度${basis(f)}`,
        score,
        facts: { perCapitaAnnualFen: pc, previousPerCapitaAnnualFen: prev, fallPct: c.fallPct, year: f.year, quarter: f.quarter },
      };
    },
  },
  {
    id: 'part_fell',
    title: '分项收入较上年同期明显下降',
    needsIncome: true,
    check(f, c): RuleHit | null {
      const before = f.previousYearSamePeriodParts;
      if (before === null) return null;
      const minFen = c.partFallMinFen ?? DEFAULT_PART_FALL_MIN_FEN;
      // Both periods cover the same quarters, so the percentage needs no scaling; the absolute floor is annual.
      const fell = INCOME_PARTS.filter(
        (p) => fellBy(before[p], f.parts[p], c.partFallPct) && annualise(before[p] - f.parts[p], f.quarter) >= minFen,
      );
      if (fell.length === 0) return null;
      const facts: WarningFinding['facts'] = { partFallPct: c.partFallPct, partFallMinFen: minFen, year: f.year, quarter: f.quarter, parts: fell.join(',') };
      const lines = fell.map((p: IncomePart) => {
        const was = annualise(before[p], f.quarter);
        const now = annualise(f.parts[p], f.quarter);
        facts[`${p}AnnualFen`] = now;
        facts[`${p}PreviousAnnualFen`] = was;
        return `${INCOME_PART_LABELS[p]} ${yuan(now)}，比上年同期 ${yuan(was)}下降 ${fallText(before[p], f.parts[p])}`;
      });
      return {
        explanation: `${lines.join('；')}${basis(f)}`,
        score: Math.min(30, 10 * fell.length),
        facts,
      };
    },
  },
  {
    id: 'rigid_spending',
    title: '刚性支出较大，扣除后低于监测线',
    needsIncome: true,
    check(f): RuleHit | null {
      const pc = f.perCapitaAnnualFen;
      if (pc === null || f.lineFen === null || pc < f.lineFen) return null; // below the line: below_line says it
      if (!Number.isSafeInteger(f.householdSize) || f.householdSize < 1) return null;
      const spend = sumFen(f.medicalOutOfPocketFen, f.schoolingSpendFen);
      if (spend <= 0) return null;
      const medical = annualise(f.medicalOutOfPocketFen, f.quarter);
      const schooling = annualise(f.schoolingSpendFen, f.quarter);
      const after = pc - divideFenRounded(sumFen(medical, schooling), f.householdSize);
      if (after >= f.lineFen) return null;
      return {
        explanation:
          `人均纯收入 ${yuan(pc)}，扣除合规自付医疗支出 ${yuan(medical)}、教育支出 ${yuan(schooling)}（共 ${f.householdSize} 人）后人均 ${yuan(after)}，` +
          `低于 ${f.year} 年监测线 ${yuan(f.lineFen)}${basis(f)}`,
        score: 30,
        facts: {
          perCapitaAnnualFen: pc,
          medicalAnnualFen: medical,
          schoolingAnnualFen: schooling,
          householdSize: f.householdSize,
          perCapitaAfterSpendingFen: after,
          lineFen: f.lineFen,
          year: f.year,
          quarter: f.quarter,
        },
      };
    },
  },
  {
    id: 'no_labour',
    title: '家庭无劳动力',
    needsIncome: false,
    check(f): RuleHit | null {
      if (f.memberCount <= 0 || f.membersAbleToWork > 0) return null;
      return {
        explanation: `家庭 ${f.memberCount} 名成员中没有普通劳动力或技能劳动力`,
        score: 15,
        facts: { memberCount: f.memberCount, membersAbleToWork: f.membersAbleToWork },
      };
    },
  },
  {
    id: 'problem_flags',
    title: '存在"三保障"和饮水安全问题',
    needsIncome: false,
    check(f): RuleHit | null {
      const set = (Object.keys(FLAG_LABELS) as (keyof typeof FLAG_LABELS)[]).filter((k) => f.flags[k]);
      if (set.length === 0) return null;
      return {
        explanation: `存在以下问题：${set.map((k) => FLAG_LABELS[k]).join('、')}`,
        score: Math.min(40, 10 * set.length),
        facts: { ...f.flags },
      };
    },
  },
  {
    id: 'focus_low_income',
    title: '人均纯收入低于重点关注线',
    needsIncome: true,
    check(f, c): RuleHit | null {
      const pc = f.perCapitaAnnualFen;
      if (pc === null || pc >= c.focusThresholdFen) return null;
      return {
        explanation: `人均纯收入 ${yuan(pc)}，低于重点关注线 ${yuan(c.focusThresholdFen)}，应落实一户一方案${basis(f)}`,
        score: 10,
        facts: { perCapitaAnnualFen: pc, focusThresholdFen: c.focusThresholdFen, year: f.year, quarter: f.quarter },
      };
    },
  },
];

/**
 * Runs every enabled rule in WARNING_RULE_IDS order. A household without a valid income record gets only the
 * rules that do not need income (no labour, problem flags): silence on income is not a clean bill of health,
 * but guessing an income would be worse. Deterministic: same facts and config, same findings and score.
 */
export function evaluateHouseholdWarnings(facts: HouseholdWarningFacts, config: WarningConfig = DEFAULT_WARNING_CONFIG): HouseholdWarningResult {
  if (![1, 2, 3, 4].includes(facts.quarter)) throw new RangeError(`季度必须是 1–4：${facts.quarter}`);
  const findings: WarningFinding[] = [];
  for (const rule of WARNING_RULES) {
    if (config.enabled[rule.id] === false) continue;
    if (rule.needsIncome && facts.perCapitaAnnualFen === null) continue;
    const hit = rule.check(facts, config);
    if (hit === null) continue;
    const w = config.weights?.[rule.id];
    const weight = w !== undefined && Number.isFinite(w) && w >= 0 ? w : 1;
    findings.push({
      ruleId: rule.id,
      ruleVersion: WARNING_RULES_VERSION,
      title: rule.title,
      explanation: hit.explanation,
      score: clamp(Math.round(hit.score * weight), 0, 100),
      facts: hit.facts,
    });
  }
  const total = findings.reduce((s, f) => s + f.score, 0);
  return { findings, riskScore: Math.min(100, total) };
}

// ---------------------------------------------------------------------------------------------------------
// Catalogue: what each rule checks, for the settings screen and the API that edits the config.

/** The config fields that tune each rule, so a screen can show a threshold next to the rule it changes. */
export type WarningThresholdField = 'marginPct' | 'fallPct' | 'partFallPct' | 'partFallMinFen' | 'focusThresholdFen';

export interface WarningRuleCatalogueEntry {
  id: WarningRuleId;
  title: string;
  version: string;
  /** What the rule checks, in Chinese, naming the thresholds as the settings screen labels them. */
  description: string;
  /** Needs a valid income record (households without one get only the other rules). */
  needsIncome: boolean;
  parameters: readonly WarningThresholdField[];
}

const RULE_DESCRIPTIONS: Record<WarningRuleId, { description: string; parameters: readonly WarningThresholdField[] }> = {
  below_line: {
    description: '最近一次有效收入记录的人均纯收入（季度累计数折算全年）低于当年监测收入线；监测线在“监测收入线”中按地区、年度设定。',
    parameters: [],
  },
  near_line: {
    description: '人均纯收入不低于监测线，但高出监测线不到“接近监测线幅度”（如 10% 即在监测线的 1.1 倍以内）。',
    parameters: ['marginPct'],
  },
  income_fell: {
    description: '人均纯收入比上年同期（同一季度累计）下降达到“收入下降幅度”。',
    parameters: ['fallPct'],
  },
  part_fell: {
    description: '工资性、经营净收入、财产性、转移性四项收入中任一项比上年同期下降达到“分项收入下降幅度”，且按全年计减少不少于“分项收入下降最小金额”。',
    parameters: ['partFallPct', 'partFallMinFen'],
  },
  rigid_spending: {
    description: '人均纯收入不低于监测线，但扣除合规自付医疗支出和教育支出后人均低于监测线。',
    parameters: [],
  },
  no_labour: {
    description: '家庭成员中没有普通劳动力或技能劳动力；不需要收入记录。',
    parameters: [],
  },
  problem_flags: {
    description: '存在住房不安全、饮水不安全、义务教育阶段失学辍学或有成员未参加基本医保；不需要收入记录。',
    parameters: [],
  },
  focus_low_income: {
    description: '人均纯收入低于“重点关注线”（常用 10,000 元），应落实一户一方案。',
    parameters: ['focusThresholdFen'],
  },
};

/** Every rule in evaluation order with its title, version and what it checks. */
export const WARNING_RULE_CATALOGUE: readonly WarningRuleCatalogueEntry[] = Object.freeze(
  WARNING_RULES.map((rule) => ({
    id: rule.id,
    title: rule.title,
    version: WARNING_RULES_VERSION,
    description: RULE_DESCRIPTIONS[rule.id].description,
    needsIncome: rule.needsIncome,
    parameters: RULE_DESCRIPTIONS[rule.id].parameters,
  })),
);
