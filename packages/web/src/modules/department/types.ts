import type { DepartmentListType, DepartmentRowStatus } from '@zengshou/core';

export interface DepartmentListSummary {
  id: string;
  listType: DepartmentListType;
  listTypeLabel: string;
  channel: 'file' | 'api';
  fileName: string;
  status: 'dry_run' | 'applied';
  statusLabel: string;
  uploadedBy: string | null;
  counts: { total: number; matched: number; alreadyKnown: number; unmatched: number; invalid: number };
  warningsOpened: number;
  /** Leads opened straight into the case workflow (disaster-hit households). */
  leadsOpened: number;
  factsUpdated: number;
  createdAt: string;
  appliedAt: string | null;
}

export interface DepartmentListRow {
  rowNo: number;
  /** Always masked by the server. */
  idNumber: string | null;
  name: string | null;
  detail: string;
  status: DepartmentRowStatus;
  statusLabel: string;
  reason: string | null;
  warning: 'open' | 'closed' | 'false_positive' | null;
}

export interface DepartmentListDetail {
  list: DepartmentListSummary;
  rowsTotal: number;
  rows: DepartmentListRow[];
  alreadyApplied?: boolean;
}

export interface FalsePositiveRate {
  listType: DepartmentListType;
  label: string;
  pushed: number;
  open: number;
  falsePositives: number;
  rate: number | null;
}
