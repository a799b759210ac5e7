import type { LineMethod, WarningRuleId } from '@zengshou/core';

/** One stored line (监测收入线) of the caller's region, an ancestor or a region below. */
export interface MonitoringLineRow {
  regionCode: string;
  year: number;
  /** Annual per-capita net income, fen. */
  amountFen: number;
  method: LineMethod;
  inputs: Record<string, number | string | boolean | null> | null;
  note: string | null;
  setAt: string;
}

export interface EffectiveLine {
  year: number;
  /** The line in force for the caller's region that year (its own or inherited); null when none is set. */
  line: { regionCode: string; year: number; amountFen: number } | null;
}

export interface MonitoringLines {
  lines: MonitoringLineRow[];
  effective: EffectiveLine[];
}

/** POST /api/monitoring-lines (the server's schema is strict: exactly these keys). */
export interface LineRequestBody {
  regionCode: string;
  year: number;
  amountYuan: string;
  method: LineMethod;
  inputs?: Record<string, number | string | boolean | null>;
  note?: string;
}

export type WarningStatus = 'open' | 'closed';
export type WarningUrgency = 'overdue' | 'due_soon' | 'normal' | 'none';

export interface Warning {
  id: string;
  householdId: string;
  householdNo: string;
  headName: string | null;
  villageCode: string;
  villageName: string | null;
  ruleId: WarningRuleId;
  ruleVersion: string;
  source: string;
  status: WarningStatus;
  title: string;
  explanation: string;
  score: number;
  facts: Record<string, unknown> | null;
  period: { year: number; quarter: number } | null;
  openedAt: string;
  dueAt: string;
  closedAt: string | null;
  closeReason: string | null;
  /** The case this warning became a lead of, if any. */
  caseId?: string | null;
  urgency: WarningUrgency;
}

/** Open and overdue counts per rule in the region (int8 columns may arrive as text). */
export interface WarningCount {
  rule_id: string;
  open: number | string;
  overdue: number | string;
}

export interface WarningList {
  total: number;
  counts: WarningCount[];
  items: Warning[];
}

/** Filters of the warning list; the region comes from the layout's current region. */
export interface WarningListState {
  ruleId?: WarningRuleId;
  /** 'all' = open and closed. */
  status: WarningStatus | 'all';
  page: number;
  pageSize: number;
}

export interface EvaluationSummary {
  households: number;
  householdsWithWarnings: number;
  opened: number;
  updated: number;
  closed: number;
}
