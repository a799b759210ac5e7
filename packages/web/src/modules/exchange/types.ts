export type ExchangePhase = 'reading' | 'checking' | 'applying' | 'done';
export type ExchangeStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'rejected' | 'interrupted';

interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ExchangeSummary {
  rowsRead: number;
  rowsBad: number;
  households: MergeCounts;
  members: MergeCounts;
  income: { newPeriods: number; revised: number; unchanged: number; toVerify: number };
  cases: { inserted: number; unchanged: number };
}

export interface ExchangeJob {
  id: string;
  fileName: string;
  dryRun: boolean;
  status: ExchangeStatus;
  message: string | null;
  summary: ExchangeSummary | null;
  phase: ExchangePhase;
  rowsDone: number;
  rowsBad: number;
  createdAt: string;
  finishedAt: string | null;
}

export interface ExchangeRowError {
  sheet: string;
  rowNo: number;
  column: string;
  value: string | null;
  reason: string;
}

export interface ExchangeJobDetail {
  job: ExchangeJob;
  errors: ExchangeRowError[];
}
