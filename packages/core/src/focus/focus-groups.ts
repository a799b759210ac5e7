import { z } from 'zod';
import { divideFenRounded, type Fen } from '../money.ts';
import type { IncomePart } from '../registry/income-items.ts';
import { annualise } from '../registry/income.ts';
import { householdTypeSchema, type HouseholdType } from '../registry/registry-enums.ts';

/**
 * Focus groups (重点群体) of seeds 000, 001 and 004: poverty-exit households whose per-capita net income is below
 * 10,000 yuan (一户一方案, seeds 000/004; "人均纯收入低于1万元的脱贫人口", seed 001) and those whose per-capita net
 * income fell versus the year before ("人均纯收入下降的脱贫人口", seed 001). Each group is kept in a ledger with a
 * named cadre and a one-household plan (一户一策), closed out (销号) when resolved.
 *
 * The ledger lists are computed set-based in SQL (server focus.repository.ts); the rules here are the definition
 * that SQL mirrors, and the server's tests compare the two on real income records.
 */
export const FOCUS_GROUPS = ['low_income', 'income_fell'] as const;
export type FocusGroup = (typeof FOCUS_GROUPS)[number];

export const FOCUS_GROUP_LABELS: Record<FocusGroup, string> = {
  low_income: '人均纯收入1万元以下',
  income_fell: '人均纯收入下降',
};

export interface FocusLedgerConfig {
  /** Per-capita net income below this (annualised, fen) puts a household in the low-income group. */
  lowIncomeThresholdFen: Fen;
  /**
   * Household types the ledgers cover. Every seed names poverty-exit households (脱贫户 / 脱贫人口), and 脱贫不享受
   * 政策户 are poverty-exit households too; a county that also wants ordinary households adds 'ordinary'.
   */
  householdTypes: HouseholdType[];
}

export const DEFAULT_FOCUS_LEDGER_CONFIG: Readonly<FocusLedgerConfig> = Object.freeze({
  lowIncomeThresholdFen: 1_000_000,
  householdTypes: ['poverty_exit', 'exit_no_policy'] as HouseholdType[],
});

/** Stored setting `focusLedgers`: every field falls back to the default; unknown keys are refused. */
export const focusLedgerConfigSchema = z
  .object({
    lowIncomeThresholdFen: z
      .number({ error: '重点关注收入线必须是以分为单位的整数' })
      .int('重点关注收入线必须是以分为单位的整数')
      .positive('重点关注收入线必须大于 0')
      .refine(Number.isSafeInteger, { message: '金额超出范围' })
      .default(DEFAULT_FOCUS_LEDGER_CONFIG.lowIncomeThresholdFen),
    householdTypes: z
      .array(householdTypeSchema)
      .min(1, '至少选择一种户类型')
      .default([...DEFAULT_FOCUS_LEDGER_CONFIG.householdTypes]),
  })
  .strict();

export type FocusIncomeParts = Record<IncomePart, Fen>;

/** One household's income figures the ledgers need, all per capita and annualised (fen per person per year). */
export interface FocusIncome {
  year: number;
  quarter: number;
  perCapitaAnnualFen: Fen;
  /** Per-capita annualised part incomes; business is net of production costs (经营净收入). */
  partsPerCapitaAnnualFen: FocusIncomeParts;
}

export interface FocusFacts {
  householdType: HouseholdType;
  /** From the latest valid (not 待核实) current income record; null when the household has none. */
  latest: FocusIncome | null;
  /** The same quarter one year earlier (valid, current record), annualised; null when there is none. */
  previousPerCapitaAnnualFen: Fen | null;
}

/** Year-to-date totals of one stored income record (as income_records holds them). */
export interface IncomeRecordTotals {
  year: number;
  quarter: number;
  householdSize: number;
  /** Stored per-capita net (net ÷ size, rounded half away from zero), year-to-date. */
  perCapitaNet: Fen;
  wage: Fen;
  /** Business income before costs. */
  business: Fen;
  cost: Fen;
  property: Fen;
  transfer: Fen;
}

/**
 * Per-capita, annualised figures of one record. A part is first divided by the household size (rounded like
 * per-capita net) and then annualised, the same order as the stored per-capita net; the SQL of the ledger lists
 * computes `round(round(part / size) * 4 / quarter)`, which is this function.
 */
export function focusIncomeOf(r: IncomeRecordTotals): FocusIncome {
  const perPerson = (fen: Fen) => annualise(divideFenRounded(fen, r.householdSize), r.quarter);
  return {
    year: r.year,
    quarter: r.quarter,
    perCapitaAnnualFen: annualise(r.perCapitaNet, r.quarter),
    partsPerCapitaAnnualFen: {
      wage: perPerson(r.wage),
      business: perPerson(r.business - r.cost),
      property: perPerson(r.property),
      transfer: perPerson(r.transfer),
    },
  };
}

/**
 * The groups a household belongs to now. Only covered household types count; without a valid income record a
 * household is in no group (an unknown income is not a low one — the missing record is the logic checks' business).
 * "Fell" means strictly lower than the same period a year earlier, both annualised over the same quarters.
 */
export function focusGroupsOf(f: FocusFacts, config: FocusLedgerConfig = DEFAULT_FOCUS_LEDGER_CONFIG): FocusGroup[] {
  if (!config.householdTypes.includes(f.householdType) || f.latest === null) return [];
  const groups: FocusGroup[] = [];
  if (f.latest.perCapitaAnnualFen < config.lowIncomeThresholdFen) groups.push('low_income');
  if (f.previousPerCapitaAnnualFen !== null && f.latest.perCapitaAnnualFen < f.previousPerCapitaAnnualFen) groups.push('income_fell');
  return groups;
}

/** Change against the same period a year earlier (negative = fell); null when either figure is missing. */
export function incomeChangeFen(f: Pick<FocusFacts, 'latest' | 'previousPerCapitaAnnualFen'>): Fen | null {
  if (f.latest === null || f.previousPerCapitaAnnualFen === null) return null;
  return f.latest.perCapitaAnnualFen - f.previousPerCapitaAnnualFen;
}
