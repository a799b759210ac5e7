import {
  checkPlanTarget, focusGroupsOf, incomeChangeFen, isPlanOverdue, maskPhone,
  type FocusFacts, type FocusGroup, type FocusIncome, type FocusLedgerConfig, type HouseholdType, type PlanTargets,
} from '@zengshou/core';
import type { LedgerRow, PlanRow, RevisionRow, StatusEventRow } from './focus.repository.ts';

/** Rows leave the server only through here. No ID numbers; the cadre's phone only masked. */

export function incomeOf(r: Pick<LedgerRow, 'year' | 'quarter' | 'pc' | 'wage_pc' | 'business_pc' | 'property_pc' | 'transfer_pc'>): FocusIncome | null {
  if (r.year === null || r.quarter === null || r.pc === null) return null;
  return {
    year: r.year,
    quarter: r.quarter,
    perCapitaAnnualFen: r.pc,
    partsPerCapitaAnnualFen: { wage: r.wage_pc ?? 0, business: r.business_pc ?? 0, property: r.property_pc ?? 0, transfer: r.transfer_pc ?? 0 },
  };
}

export function factsOf(r: LedgerRow): FocusFacts {
  return { householdType: r.household_type as HouseholdType, latest: incomeOf(r), previousPerCapitaAnnualFen: r.prev_pc };
}

type TargetColumns = Pick<PlanRow, 'target_per_capita_fen' | 'target_wage_fen' | 'target_business_fen' | 'target_property_fen' | 'target_transfer_fen'>;

export function targetsOf(p: TargetColumns): PlanTargets {
  return {
    targetPerCapitaFen: p.target_per_capita_fen,
    partTargetsFen: { wage: p.target_wage_fen, business: p.target_business_fen, property: p.target_property_fen, transfer: p.target_transfer_fen },
  };
}

/** Groups from the SQL flags (the list) — the same rule as core's focusGroupsOf (the detail uses that one). */
function groupsFromFlags(r: Pick<LedgerRow, 'low_now' | 'fell_now'>): FocusGroup[] {
  return [...(r.low_now ? (['low_income'] as const) : []), ...(r.fell_now ? (['income_fell'] as const) : [])];
}

export function presentLedgerRow(r: LedgerRow, currentYear: number) {
  const latest = incomeOf(r);
  const plan =
    r.plan_id === null || r.plan_status === null || r.target_per_capita_fen === null
      ? null
      : {
          id: r.plan_id,
          status: r.plan_status,
          statusChangedAt: r.status_changed_at?.toISOString() ?? null,
          cadreName: r.cadre_name,
          targetYear: r.target_year,
          targetPerCapitaFen: r.target_per_capita_fen,
          ledgerGroups: r.ledger_groups ?? [],
          measureCount: r.measures?.length ?? 0,
          version: r.plan_version,
          overdue: r.target_year !== null && isPlanOverdue(r.plan_status, r.target_year, currentYear),
        };
  return {
    householdId: r.household_id,
    householdNo: r.household_no,
    headName: r.head_name,
    villageCode: r.village_code,
    villageName: r.village_name,
    townshipName: r.township_name,
    householdType: r.household_type,
    period: latest ? { year: latest.year, quarter: latest.quarter } : null,
    perCapitaAnnualFen: r.pc,
    previousPerCapitaAnnualFen: r.prev_pc,
    changeFen: r.pc !== null && r.prev_pc !== null ? r.pc - r.prev_pc : null,
    groups: groupsFromFlags(r),
    plan,
    // Positive: still short of the target; zero or negative: reached.
    gapFen: plan && r.pc !== null ? plan.targetPerCapitaFen - r.pc : null,
  };
}

export function presentPlanDetail(
  facts: LedgerRow,
  plan: PlanRow | undefined,
  revisions: readonly RevisionRow[],
  events: readonly StatusEventRow[],
  config: FocusLedgerConfig,
  currentYear: number,
) {
  const f = factsOf(facts);
  return {
    household: {
      id: facts.household_id,
      householdNo: facts.household_no,
      headName: facts.head_name,
      villageCode: facts.village_code,
      villageName: facts.village_name,
      townshipName: facts.township_name,
      householdType: facts.household_type,
    },
    income: {
      latest: f.latest,
      previousPerCapitaAnnualFen: f.previousPerCapitaAnnualFen,
      changeFen: incomeChangeFen(f),
    },
    groups: focusGroupsOf(f, config),
    lowIncomeThresholdFen: config.lowIncomeThresholdFen,
    plan: plan
      ? {
          id: plan.id,
          version: plan.version,
          status: plan.status,
          statusChangedAt: plan.status_changed_at.toISOString(),
          ledgerGroups: plan.ledger_groups,
          cadreName: plan.cadre_name,
          cadrePhone: plan.cadre_phone ? maskPhone(plan.cadre_phone) : null,
          targetYear: plan.target_year,
          ...targetsOf(plan),
          measures: plan.measures,
          check: checkPlanTarget(targetsOf(plan), f.latest),
          overdue: isPlanOverdue(plan.status, plan.target_year, currentYear),
          progress: revisions
            .filter((r) => r.progress_note)
            .map((r) => ({ version: r.version, at: r.recorded_at.toISOString(), by: r.recorded_by_name, note: r.progress_note })),
          createdAt: plan.created_at.toISOString(),
          updatedAt: plan.updated_at.toISOString(),
        }
      : null,
    // Newest first: the history panel reads top-down.
    revisions: revisions.toReversed().map((r) => ({
      version: r.version,
      current: r.superseded_at === null,
      recordedAt: r.recorded_at.toISOString(),
      recordedBy: r.recorded_by_name,
      ledgerGroups: r.ledger_groups,
      cadreName: r.cadre_name,
      targetYear: r.target_year,
      ...targetsOf(r),
      measures: r.measures,
      progressNote: r.progress_note,
    })),
    statusEvents: events.toReversed().map((e) => ({
      id: e.id,
      at: e.changed_at.toISOString(),
      from: e.from_status,
      to: e.to_status,
      by: e.changed_by_name,
      reason: e.reason,
      period: e.period_year !== null ? { year: e.period_year, quarter: e.period_quarter } : null,
      perCapitaAnnualFen: e.per_capita_annual_fen,
      targetPerCapitaFen: e.target_per_capita_fen,
    })),
  };
}

export type PlanDetail = ReturnType<typeof presentPlanDetail>;
