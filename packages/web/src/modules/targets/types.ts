import type { IncomeTargetBody, IncomeTargetView } from '@zengshou/core';

export type { IncomeTargetView };
export type TargetRequestBody = IncomeTargetBody;

/** GET /api/targets: the region's subtree, and the ancestors' targets it inherits (read-only here). */
export interface TargetList {
  region: string;
  items: IncomeTargetView[];
  inherited: IncomeTargetView[];
}

export interface TargetImportError {
  row: number;
  column: string;
  columnLetter: string;
  message: string;
}

export interface TargetImportReport {
  dryRun: boolean;
  applied: boolean;
  rows: number;
  created: number;
  changed: number;
  unchanged: number;
  errors: TargetImportError[];
}

/** 'all' or one year. */
export type YearFilter = number | 'all';
