import type { FocusGroup, FocusMeasure, IncomePart, PlanStatus, PlanStatusFilter } from '@zengshou/core';

/** One household on a focus ledger (GET /api/focus/ledger). Money in fen per person per year. */
export interface LedgerRow {
  householdId: string;
  householdNo: string;
  headName: string | null;
  villageCode: string;
  villageName: string | null;
  townshipName: string | null;
  householdType: string;
  period: { year: number; quarter: number } | null;
  perCapitaAnnualFen: number | null;
  previousPerCapitaAnnualFen: number | null;
  changeFen: number | null;
  /** The groups the household is in now (a closed-out household may be in none but stays on its ledger). */
  groups: FocusGroup[];
  plan: null | {
    id: string;
    status: PlanStatus;
    statusChangedAt: string | null;
    cadreName: string | null;
    targetYear: number | null;
    targetPerCapitaFen: number;
    ledgerGroups: FocusGroup[];
    measureCount: number;
    version: number | null;
    overdue: boolean;
  };
  /** Target − income: positive = still short, ≤ 0 = reached. */
  gapFen: number | null;
}

export interface Ledger {
  region: string;
  group: FocusGroup;
  lowIncomeThresholdFen: number;
  total: number;
  counts: {
    groups: Record<FocusGroup, number>;
    planStatus: Record<PlanStatusFilter, number>;
  };
  items: LedgerRow[];
}

/** The ledger view kept in the address bar; the region comes from the layout's current region. */
export interface LedgerState {
  group: FocusGroup;
  planStatus?: PlanStatusFilter;
  page: number;
  pageSize: number;
  /** Household whose plan drawer is open. */
  plan?: string;
}

export type PartTargets = Record<IncomePart, number | null>;

export interface FocusIncome {
  year: number;
  quarter: number;
  perCapitaAnnualFen: number;
  partsPerCapitaAnnualFen: Record<IncomePart, number>;
}

/** GET /api/households/:id/focus-plan */
export interface PlanDetail {
  household: {
    id: string;
    householdNo: string;
    headName: string | null;
    villageCode: string;
    villageName: string | null;
    townshipName: string | null;
    householdType: string;
  };
  income: { latest: FocusIncome | null; previousPerCapitaAnnualFen: number | null; changeFen: number | null };
  groups: FocusGroup[];
  lowIncomeThresholdFen: number;
  plan: null | {
    id: string;
    version: number;
    status: PlanStatus;
    statusChangedAt: string;
    ledgerGroups: FocusGroup[];
    cadreName: string;
    /** Masked (138****5678); the form sends a new number or leaves it out to keep this one. */
    cadrePhone: string | null;
    targetYear: number;
    targetPerCapitaFen: number;
    partTargetsFen: PartTargets;
    measures: FocusMeasure[];
    check: { met: boolean | null; gapFen: number | null; unmetParts: IncomePart[] };
    overdue: boolean;
    progress: { version: number; at: string; by: string | null; note: string }[];
    createdAt: string;
    updatedAt: string;
  };
  revisions: {
    version: number;
    current: boolean;
    recordedAt: string;
    recordedBy: string | null;
    ledgerGroups: FocusGroup[];
    cadreName: string;
    targetYear: number;
    targetPerCapitaFen: number;
    partTargetsFen: PartTargets;
    measures: FocusMeasure[];
    progressNote: string | null;
  }[];
  statusEvents: {
    id: number;
    at: string;
    from: PlanStatus | null;
    to: PlanStatus;
    by: string;
    reason: string;
    period: { year: number; quarter: number } | null;
    perCapitaAnnualFen: number | null;
    targetPerCapitaFen: number;
  }[];
}

/** PUT /api/households/:id/focus-plan (strict on the server: exactly these keys). */
export interface PlanRequestBody {
  version: number;
  cadreName: string;
  /** Left out: keep the stored number; null: clear it. */
  cadrePhone?: string | null;
  targetYear: number;
  targetPerCapitaFen: number;
  partTargetsFen: PartTargets;
  measures: { text: string; category: string | null }[];
  progressNote?: string;
}

export interface RefreshResult {
  scope: string;
  closedOut: number;
  reopened: number;
}
