import {
  computeIncome, DEFAULT_LOGIC_CHECK_CONFIG, recordStatusFrom, runLogicChecks,
  type HouseholdType, type IncomeItems, type IncomeSummary, type LogicCheckConfig, type LogicCheckMemberFacts,
  type LogicCheckResult,
} from '@zengshou/core';

export interface MemberFactsRow {
  birthDate: string;
  labourCapacity: string;
  health: string;
  schoolingStatus: string | null;
  employmentStatus: string | null;
}

export interface IncomeEvaluationInput {
  year: number;
  quarter: number;
  items: IncomeItems;
  householdType: string;
  monitored: boolean;
  monitoringLineFen: number | null;
  members: readonly MemberFactsRow[];
  previousQuarterItems: IncomeItems | null;
  config?: LogicCheckConfig;
}

export interface IncomeEvaluation {
  summary: IncomeSummary;
  checks: LogicCheckResult[];
  status: 'valid' | 'to_verify';
}

/** The last day of the quarter: ages for the logic checks are taken then. */
export function quarterEnd(year: number, quarter: number): string {
  return ['03-31', '06-30', '09-30', '12-31'].map((d) => `${year}-${d}`)[quarter - 1]!;
}

export function ageAt(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * One income record through the domain core: the four parts, net and per-capita (household size = current
 * members), then the logic checks. Used by the entry form and by the import, so both judge a record alike.
 */
export function evaluateIncome(input: IncomeEvaluationInput): IncomeEvaluation {
  const size = Math.max(1, input.members.length);
  const summary = computeIncome(input.items, size);
  const reference = quarterEnd(input.year, input.quarter);
  const members: LogicCheckMemberFacts[] = input.members.map((m) => ({
    age: ageAt(m.birthDate, reference),
    labourCapacity: m.labourCapacity as LogicCheckMemberFacts['labourCapacity'],
    health: m.health as LogicCheckMemberFacts['health'],
    schoolingStatus: (m.schoolingStatus ?? 'not_applicable') as LogicCheckMemberFacts['schoolingStatus'],
    employmentStatus: (m.employmentStatus ?? 'other') as LogicCheckMemberFacts['employmentStatus'],
  }));
  const checks = runLogicChecks(
    {
      year: input.year,
      quarter: input.quarter,
      summary,
      items: input.items,
      householdType: input.householdType as HouseholdType,
      monitored: input.monitored,
      monitoringLineFen: input.monitoringLineFen,
      members,
      previousQuarterItems: input.previousQuarterItems,
      hasForestLand: null,
    },
    input.config ?? DEFAULT_LOGIC_CHECK_CONFIG,
  );
  return { summary, checks, status: recordStatusFrom(checks) };
}
