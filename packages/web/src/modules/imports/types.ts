export type ImportMode = 'all-or-nothing' | 'valid-rows';
export type ImportStatus = 'running' | 'succeeded' | 'failed' | 'rejected' | 'interrupted';
export type ImportPhase = 'reading' | 'checking' | 'applying' | 'done';

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** A rejected import reports only the row counts; the merge counts come with an import that ran to the end. */
export interface ImportSummary {
  rowsRead: number;
  rowsBad: number;
  households?: MergeCounts;
  members?: MergeCounts;
  income?: { newPeriods: number; revised: number; unchanged: number; toVerify: number };
}

export interface ImportJob {
  id: string;
  fileName: string;
  fileSize?: number;
  mode?: ImportMode;
  dryRun?: boolean;
  status: ImportStatus;
  phase: ImportPhase;
  rowsDone: number;
  rowsBad: number;
  /** Estimated data rows; null or 0 while unknown. */
  rowsTotal: number | null;
  message: string | null;
  summary: ImportSummary | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ImportRowError {
  sheet: string;
  row_no: number;
  col: string;
  value: string | null;
  reason: string;
}

export interface ImportJobDetail {
  job: ImportJob;
  /** The first 200; the full list is the error report. */
  errors: ImportRowError[];
}
