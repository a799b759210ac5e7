import type { IncomeItemKey } from '@zengshou/core';

export type IncomeStatus = 'valid' | 'to_verify';

export interface IncomeCheck {
  id: string;
  severity: 'error' | 'warning';
  title: string;
  message: string;
}

export interface IncomeTotals {
  wage: number;
  business: number;
  property: number;
  transfer: number;
  cost: number;
}

/** One quarter's record; amounts in fen and year-to-date (the Q4 record is the whole year). */
export interface IncomeRecord {
  id: string;
  year: number;
  quarter: number;
  items: Partial<Record<IncomeItemKey, number>>;
  totals: IncomeTotals;
  netIncome: number;
  householdSize: number;
  perCapitaNet: number;
  status: IncomeStatus;
  checks: IncomeCheck[];
  remark: string | null;
  source: string;
  recordedAt: string;
  /** Set on a revision that a later save replaced. */
  supersededAt: string | null;
}

export interface IncomeSaveSummary extends IncomeTotals {
  gross: number;
  net: number;
  householdSize: number;
  perCapitaNet: number;
}

export interface IncomeSaveResult {
  id: string;
  summary: IncomeSaveSummary;
  status: IncomeStatus;
  checks: IncomeCheck[];
}

/** What the entry form posts: amounts as typed, in yuan. */
export interface IncomeRecordBody {
  householdId: string;
  year: number;
  quarter: number;
  items: Partial<Record<IncomeItemKey, string>>;
  remark?: string | null;
}
