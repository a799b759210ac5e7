import { z } from 'zod';
import { formatYuan, type Fen } from '../money.ts';
import { INCOME_ITEMS, type IncomeItems } from './income-items.ts';
import { annualise, type IncomeSummary } from './income.ts';
import {
  ABLE_LABOUR_CAPACITIES,
  EMPLOYMENT_STATUS,
  LABOUR_CAPACITY,
  SCHOOLING_STATUS,
  type EmploymentStatus,
  type Health,
  type HouseholdType,
  type LabourCapacity,
  type SchoolingStatus,
} from './registry-enums.ts';

/**
 * 逻辑校验 of a household's income record (domain.md §3): the checks provincial tools run before data goes to
 * the national system. Rules are data (id, severity, title, check) and every threshold comes from a config
 * that can differ per region and year, because the seeds only give practice values, not national rules.
 * Amount thresholds are annual; a record is year-to-date cumulative, so amounts are annualised
 * (value × 4 ÷ quarter) before comparison and every message says so. Duplicate ID numbers need the whole
 * database and are checked by the server, not here.
 */

export const LOGIC_CHECK_RULE_IDS = [
  'per_capita_low',
  'poverty_exit_below_line_unmonitored',
  'wage_out_of_range',
  'business_without_cost',
  'eco_compensation_without_forest',
  'dibao_too_small',
  'family_planning_too_small',
  'pension_too_small',
  'item_absurd',
  'cumulative_decrease',
  'child_out_of_school',
  'student_as_labour',
] as const;
export type LogicCheckRuleId = (typeof LOGIC_CHECK_RULE_IDS)[number];

/** 'error' makes the record 待核实 (to_verify); 'warning' is shown but does not block. */
export type LogicCheckSeverity = 'error' | 'warning';

export interface LogicCheckConfig {
  /** Annual per-capita net income below this is suspicious (fen; practice value 4,000 yuan). */
  perCapitaMin: Fen;
  /** Annual wage income above 0 but below this is suspicious (300 yuan). */
  wageMinPositive: Fen;
  /** Annual wage income above this is suspicious (300,000 yuan). */
  wageMax: Fen;
  /** Annual dibao above 0 but below this (200 yuan) is usually a monthly amount or a typo. */
  dibaoMin: Fen;
  /** Annual family-planning award above 0 but below this (100 yuan). */
  familyPlanningMin: Fen;
  /** Annual pension above 0 but below this (88 yuan; the basic rural pension is higher per month). */
  pensionMin: Fen;
  /** Any single annualised item above this (1,000,000 yuan) is almost surely extra digits. */
  absurdItemMax: Fen;
  /** Compulsory-school age range checked by child_out_of_school, inclusive. */
  schoolAgeMin: number;
  schoolAgeMax: number;
  /** A rule missing from the map is enabled, so a config saved before a rule existed still runs it. */
  enabled: Partial<Record<LogicCheckRuleId, boolean>>;
  /** Optional per-region change of a rule's severity. */
  severity?: Partial<Record<LogicCheckRuleId, LogicCheckSeverity>>;
}

export const DEFAULT_LOGIC_CHECK_CONFIG: Readonly<LogicCheckConfig> = Object.freeze({
  perCapitaMin: 400_000,
  wageMinPositive: 30_000,
  wageMax: 30_000_000,
  dibaoMin: 20_000,
  familyPlanningMin: 10_000,
  pensionMin: 8_800,
  absurdItemMax: 100_000_000,
  schoolAgeMin: 6,
  schoolAgeMax: 16,
  enabled: Object.freeze(Object.fromEntries(LOGIC_CHECK_RULE_IDS.map((id) => [id, true]))) as Record<LogicCheckRuleId, boolean>,
});

const thresholdFen = z.number().int().min(0).refine(Number.isSafeInteger, { message: '金额超出范围' });
const ruleIdSchema = z.enum(LOGIC_CHECK_RULE_IDS);

/**
 * Stored config (per region, per year). Every field is optional and falls back to the default, so a region
 * only stores what it changes. Unknown keys and rule ids are refused (a misspelt rule id would otherwise
 * silently leave the rule on).
 */
export const logicCheckConfigSchema = z
  .object({
    perCapitaMin: thresholdFen.default(DEFAULT_LOGIC_CHECK_CONFIG.perCapitaMin),
    wageMinPositive: thresholdFen.default(DEFAULT_LOGIC_CHECK_CONFIG.wageMinPositive),
    wageMax: thresholdFen.default(DEFAULT_LOGIC_CHECK_CONFIG.wageMax),
    dibaoMin: thresholdFen.default(DEFAULT_LOGIC_CHECK_CONFIG.dibaoMin),
    familyPlanningMin: thresholdFen.default(DEFAULT_LOGIC_CHECK_CONFIG.familyPlanningMin),
    pensionMin: thresholdFen.default(DEFAULT_LOGIC_CHECK_CONFIG.pensionMin),
    absurdItemMax: thresholdFen.default(DEFAULT_LOGIC_CHECK_CONFIG.absurdItemMax),
    schoolAgeMin: z.number().int().min(0).max(30).default(DEFAULT_LOGIC_CHECK_CONFIG.schoolAgeMin),
    schoolAgeMax: z.number().int().min(0).max(30).default(DEFAULT_LOGIC_CHECK_CONFIG.schoolAgeMax),
    enabled: z.partialRecord(ruleIdSchema, z.boolean()).default({}),
    severity: z.partialRecord(ruleIdSchema, z.enum(['error', 'warning'])).optional(),
  })
  .strict()
  .refine((c) => c.wageMinPositive <= c.wageMax, { message: '工资性收入下限不能高于上限', path: ['wageMax'] })
  .refine((c) => c.schoolAgeMin <= c.schoolAgeMax, { message: '义务教育年龄下限不能高于上限', path: ['schoolAgeMax'] });

export interface LogicCheckMemberFacts {
  /** Whole years at the reference date of the record. */
  age: number;
  labourCapacity: LabourCapacity;
  health: Health;
  schoolingStatus: SchoolingStatus;
  employmentStatus: EmploymentStatus;
  /** A reason for a school-age child not being at school is on file (illness, disability, home teaching…). */
  hasReasonNotInSchool?: boolean;
}

export interface LogicCheckFacts {
  year: number;
  quarter: number;
  /** computeIncome of `items`; per-capita uses the household size the region configured. */
  summary: IncomeSummary;
  items: IncomeItems;
  householdType: HouseholdType;
  /** Currently a monitored household (监测对象). */
  monitored: boolean;
  /** Annual monitoring line for the household's region and year; null when none is configured. */
  monitoringLineFen: Fen | null;
  /** Current members, in display order; messages name them by 1-based position, never by name or ID. */
  members: readonly LogicCheckMemberFacts[];
  /** Record of an earlier quarter of the same year, for the cumulative-never-decreases rule. */
  previousQuarterItems: IncomeItems | null;
  /** Has land under the grain-for-green / public-welfare forest programmes; null = not recorded. */
  hasForestLand: boolean | null;
}

/** JSON-safe values shown next to a finding and kept with the record. */
export type LogicCheckValue = string | number | boolean | null | readonly LogicCheckValue[] | { readonly [k: string]: LogicCheckValue };

export interface LogicCheckFinding {
  message: string;
  values: Record<string, LogicCheckValue>;
}

export interface LogicCheckRule {
  id: LogicCheckRuleId;
  severity: LogicCheckSeverity;
  title: string;
  check(facts: LogicCheckFacts, config: LogicCheckConfig): LogicCheckFinding | null;
}

export interface LogicCheckResult extends LogicCheckFinding {
  id: LogicCheckRuleId;
  severity: LogicCheckSeverity;
  title: string;
}

// ---------------------------------------------------------------------------------------------------------

const yuan = formatYuan;

/** The messages must say that a partial-year figure was scaled, or a Q1 household looks 4× poorer/richer. */
function basis(quarter: number): string {
  return quarter === 4 ? '（全年累计）' : `（按第 ${quarter} 季度累计折算全年）`;
}

const LABEL_BY_KEY = Object.fromEntries(INCOME_ITEMS.map((i) => [i.key, i.label])) as Record<keyof IncomeItems, string>;

/** An item that must not be implausibly small when present: dibao, family-planning award, pension. */
function smallAmountRule(
  id: LogicCheckRuleId,
  title: string,
  key: keyof IncomeItems,
  min: (c: LogicCheckConfig) => Fen,
): LogicCheckRule {
  return {
    id,
    severity: 'warning',
    title,
    check(f, c): LogicCheckFinding | null {
      const raw = f.items[key];
      if (raw <= 0) return null;
      const annual = annualise(raw, f.quarter);
      if (annual >= min(c)) return null;
      return {
        message: `${LABEL_BY_KEY[key]} ${yuan(annual)}，低于 ${yuan(min(c))}${basis(f.quarter)}，请核实是否填了月额或少填了位数`,
        values: { item: key, cumulativeFen: raw, annualFen: annual, minFen: min(c), quarter: f.quarter },
      };
    },
  };
}

export const LOGIC_CHECK_RULES: readonly LogicCheckRule[] = [
  {
    id: 'per_capita_low',
    severity: 'error',
    title: '人均纯收入过低或家庭成员为空',
    check(f, c): LogicCheckFinding | null {
      if (f.members.length === 0) {
        return { message: '家庭成员为空，无法计算人均纯收入', values: { memberCount: 0 } };
      }
      const annual = annualise(f.summary.perCapitaNet, f.quarter);
      if (annual >= c.perCapitaMin) return null;
      return {
        message: `人均纯收入 ${yuan(annual)}，低于 ${yuan(c.perCapitaMin)}${basis(f.quarter)}`,
        values: { perCapitaCumulativeFen: f.summary.perCapitaNet, perCapitaAnnualFen: annual, minFen: c.perCapitaMin, quarter: f.quarter },
      };
    },
  },
  {
    id: 'poverty_exit_below_line_unmonitored',
    severity: 'error',
    title: '脱贫户收入低于监测收入线但未纳入监测',
    check(f): LogicCheckFinding | null {
      // 脱贫不享受政策户 also left poverty, so falling below the line makes it a 脱贫不稳定户 candidate too.
      if (f.householdType === 'ordinary' || f.monitored || f.monitoringLineFen === null) return null;
      if (f.members.length === 0) return null; // reported by per_capita_low
      const annual = annualise(f.summary.perCapitaNet, f.quarter);
      if (annual >= f.monitoringLineFen) return null;
      return {
        message: `脱贫户人均纯收入 ${yuan(annual)}，低于监测收入线 ${yuan(f.monitoringLineFen)}${basis(f.quarter)}，但未纳入监测对象`,
        values: { perCapitaAnnualFen: annual, monitoringLineFen: f.monitoringLineFen, quarter: f.quarter },
      };
    },
  },
  {
    id: 'wage_out_of_range',
    severity: 'error',
    title: '工资性收入异常',
    check(f, c): LogicCheckFinding | null {
      if (f.summary.wage <= 0) return null;
      const annual = annualise(f.summary.wage, f.quarter);
      const values = { wageCumulativeFen: f.summary.wage, wageAnnualFen: annual, minFen: c.wageMinPositive, maxFen: c.wageMax, quarter: f.quarter };
      if (annual < c.wageMinPositive) {
        return { message: `工资性收入 ${yuan(annual)}，低于 ${yuan(c.wageMinPositive)}${basis(f.quarter)}`, values };
      }
      if (annual > c.wageMax) {
        return { message: `工资性收入 ${yuan(annual)}，高于 ${yuan(c.wageMax)}${basis(f.quarter)}`, values };
      }
      return null;
    },
  },
  {
    id: 'business_without_cost',
    severity: 'warning',
    title: '有生产经营性收入但无生产经营性支出',
    check(f): LogicCheckFinding | null {
      if (f.summary.business <= 0 || f.summary.cost > 0) return null;
      return {
        message: `生产经营性收入 ${yuan(f.summary.business)}，但生产经营性支出为 ${yuan(f.summary.cost)}，请核实是否漏填支出`,
        values: { businessFen: f.summary.business, costFen: f.summary.cost },
      };
    },
  },
  {
    id: 'eco_compensation_without_forest',
    severity: 'warning',
    title: '有生态补偿金但无退耕还林（草）',
    check(f): LogicCheckFinding | null {
      // null = not recorded: no finding, the data to judge is missing.
      if (f.items.transferEcoCompensation <= 0 || f.hasForestLand !== false) return null;
      return {
        message: `生态补偿金 ${yuan(f.items.transferEcoCompensation)}，但该户没有退耕还林（草）或公益林`,
        values: { ecoCompensationFen: f.items.transferEcoCompensation },
      };
    },
  },
  smallAmountRule('dibao_too_small', '最低生活保障金过少', 'transferDibao', (c) => c.dibaoMin),
  smallAmountRule('family_planning_too_small', '计划生育金过少', 'transferFamilyPlanning', (c) => c.familyPlanningMin),
  smallAmountRule('pension_too_small', '养老金或离退休金过少', 'transferPension', (c) => c.pensionMin),
  {
    id: 'item_absurd',
    severity: 'error',
    title: '单项金额过大',
    check(f, c): LogicCheckFinding | null {
      const over = INCOME_ITEMS.map((i) => ({ key: i.key, label: i.label, cumulativeFen: f.items[i.key], annualFen: annualise(f.items[i.key], f.quarter) })).filter(
        (x) => x.annualFen > c.absurdItemMax,
      );
      if (over.length === 0) return null;
      return {
        message: `以下项目超过 ${yuan(c.absurdItemMax)}${basis(f.quarter)}，请核实是否多填了位数：${over.map((x) => `${x.label} ${yuan(x.annualFen)}`).join('；')}`,
        values: { maxFen: c.absurdItemMax, quarter: f.quarter, items: over },
      };
    },
  },
  {
    id: 'cumulative_decrease',
    severity: 'error',
    title: '季度累计数不能减少',
    check(f): LogicCheckFinding | null {
      const prev = f.previousQuarterItems;
      if (prev === null) return null;
      const down = INCOME_ITEMS.filter((i) => f.items[i.key] < prev[i.key]).map((i) => ({
        key: i.key,
        label: i.label,
        previousFen: prev[i.key],
        currentFen: f.items[i.key],
      }));
      if (down.length === 0) return null;
      return {
        message: `季度累计数不能减少：${down.map((x) => `${x.label} 本季度累计 ${yuan(x.currentFen)}，低于上一季度累计 ${yuan(x.previousFen)}`).join('；')}`,
        values: { quarter: f.quarter, items: down },
      };
    },
  },
  {
    id: 'child_out_of_school',
    severity: 'warning',
    title: '义务教育阶段儿童未在校且无原因',
    check(f, c): LogicCheckFinding | null {
      const found = f.members
        .map((m, i) => ({ m, position: i + 1 }))
        .filter(({ m }) => m.age >= c.schoolAgeMin && m.age <= c.schoolAgeMax && m.schoolingStatus !== 'in_school' && m.hasReasonNotInSchool !== true);
      if (found.length === 0) return null;
      return {
        message: found
          .map(({ m, position }) => `第 ${position} 位成员 ${m.age} 岁，在校情况为"${SCHOOLING_STATUS.labels[m.schoolingStatus]}"，未说明不在校原因`)
          .join('；'),
        values: { members: found.map(({ m, position }) => ({ position, age: m.age, schoolingStatus: m.schoolingStatus })) },
      };
    },
  },
  {
    id: 'student_as_labour',
    severity: 'warning',
    title: '学生被记为劳动力',
    check(f): LogicCheckFinding | null {
      const found = f.members
        .map((m, i) => ({ m, position: i + 1 }))
        .filter(({ m }) => (m.employmentStatus === 'student' || m.schoolingStatus === 'in_school') && ABLE_LABOUR_CAPACITIES.includes(m.labourCapacity));
      if (found.length === 0) return null;
      return {
        message: `学生被记为劳动力：${found
          .map(
            ({ m, position }) =>
              `第 ${position} 位成员${m.employmentStatus === 'student' ? `就业状态为"${EMPLOYMENT_STATUS.labels.student}"` : '为在校生'}，劳动能力为"${LABOUR_CAPACITY.labels[m.labourCapacity]}"`,
          )
          .join('；')}`,
        values: { members: found.map(({ m, position }) => ({ position, labourCapacity: m.labourCapacity, employmentStatus: m.employmentStatus })) },
      };
    },
  },
];

/** Runs every enabled rule, in LOGIC_CHECK_RULES order. */
export function runLogicChecks(facts: LogicCheckFacts, config: LogicCheckConfig = DEFAULT_LOGIC_CHECK_CONFIG, rules: readonly LogicCheckRule[] = LOGIC_CHECK_RULES): LogicCheckResult[] {
  const results: LogicCheckResult[] = [];
  for (const rule of rules) {
    if (config.enabled[rule.id] === false) continue;
    const finding = rule.check(facts, config);
    if (finding === null) continue;
    results.push({ id: rule.id, severity: config.severity?.[rule.id] ?? rule.severity, title: rule.title, ...finding });
  }
  return results;
}

export type IncomeRecordStatus = 'valid' | 'to_verify';

/** Any error sends the record to 待核实; warnings alone do not. */
export function recordStatusFrom(results: readonly Pick<LogicCheckResult, 'severity'>[]): IncomeRecordStatus {
  return results.some((r) => r.severity === 'error') ? 'to_verify' : 'valid';
}
