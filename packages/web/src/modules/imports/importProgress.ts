import type { MessageKey } from '../i18n';
import type { ImportJob, ImportPhase, ImportStatus } from './types';

export const PHASE_LABEL_KEYS: Record<ImportPhase, MessageKey> = {
  reading: 'import.phase.reading',
  checking: 'import.phase.checking',
  applying: 'import.phase.applying',
  done: 'import.phase.done',
};

export const STATUS_LABEL_KEYS: Record<ImportStatus, MessageKey> = {
  running: 'import.status.running',
  succeeded: 'import.status.succeeded',
  failed: 'import.status.failed',
  rejected: 'import.status.rejected',
  interrupted: 'import.status.interrupted',
};

export function isFinished(job: Pick<ImportJob, 'status'>): boolean {
  return job.status !== 'running';
}

/**
 * Percentage for the progress bar, or null while the total is unknown (the bar then runs without a figure).
 * A running job never shows 100 % (writing follows reading); a finished one always does.
 */
export function progressPercent(job: Pick<ImportJob, 'status' | 'rowsDone' | 'rowsTotal'>): number | null {
  if (isFinished(job)) return 100;
  if (!job.rowsTotal || job.rowsTotal <= 0) return null;
  return Math.min(99, Math.floor((job.rowsDone / job.rowsTotal) * 100));
}

/** antd Progress status for the job. */
export function progressStatus(job: Pick<ImportJob, 'status'>): 'active' | 'success' | 'exception' | 'normal' {
  switch (job.status) {
    case 'running':
      return 'active';
    case 'succeeded':
      return 'success';
    case 'interrupted':
      return 'normal';
    default:
      return 'exception';
  }
}
