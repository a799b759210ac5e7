import type { MessageKey } from '../i18n';
import type { ExchangeJob, ExchangePhase, ExchangeSummary } from './types';

/** The export of a region, streamed by the server; the region comes from the app's region picker. */
export function exportUrl(regionCode: string): string {
  return `/api/exchange/national.xlsx?region=${encodeURIComponent(regionCode)}`;
}

export function exportFileName(regionName: string, today: string): string {
  return `国家系统格式交换-${regionName}-${today}.xlsx`;
}

/** Full ID numbers only for users who may see them; anyone else gets a masked file, which cannot be imported again. */
export function exportIsMasked(permissions: readonly string[]): boolean {
  return !permissions.includes('personal:unmask');
}

export function isJobFinished(job: Pick<ExchangeJob, 'status'>): boolean {
  return job.status !== 'running' && job.status !== 'queued';
}

/**
 * What the page offers after a job: wait for it, fix the file (errors found, nothing written), apply the checked
 * file, or nothing more (applied, or the file refused as a whole).
 */
export type ExchangeNextStep = 'wait' | 'fix' | 'apply' | 'applied' | 'refused';

export function nextStep(job: Pick<ExchangeJob, 'status' | 'dryRun' | 'rowsBad'>): ExchangeNextStep {
  switch (job.status) {
    case 'queued':
    case 'running':
      return 'wait';
    case 'succeeded':
      if (job.rowsBad > 0) return 'fix';
      return job.dryRun ? 'apply' : 'applied';
    case 'failed':
      return 'fix';
    case 'rejected':
    case 'interrupted':
      return 'refused';
  }
}

export const EXCHANGE_PHASE_KEYS: Record<ExchangePhase, MessageKey> = {
  reading: 'exchange.phase.reading',
  checking: 'exchange.phase.checking',
  applying: 'exchange.phase.applying',
  done: 'exchange.phase.done',
};

export interface SummaryLine {
  labelKey: MessageKey;
  added: number;
  changed: number | null;
  unchanged: number;
}

/** One line per entity of the file: new, changed (revised) and unchanged rows. */
export function summaryLines(s: ExchangeSummary): SummaryLine[] {
  return [
    { labelKey: 'exchange.summary.households', added: s.households.inserted, changed: s.households.updated, unchanged: s.households.unchanged },
    { labelKey: 'exchange.summary.members', added: s.members.inserted, changed: s.members.updated, unchanged: s.members.unchanged },
    { labelKey: 'exchange.summary.income', added: s.income.newPeriods, changed: s.income.revised, unchanged: s.income.unchanged },
    // A monitoring record that differs from the stored one is refused, never changed: no "changed" count.
    { labelKey: 'exchange.summary.cases', added: s.cases.inserted, changed: null, unchanged: s.cases.unchanged },
  ];
}

/** True when applying the checked file would change nothing (the same file was already imported). */
export function changesNothing(s: ExchangeSummary): boolean {
  return summaryLines(s).every((l) => l.added === 0 && (l.changed ?? 0) === 0);
}
