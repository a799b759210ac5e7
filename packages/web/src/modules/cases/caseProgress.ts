import type { CaseStatus } from '@zengshou/core';
import type { CaseEventView } from './types';

export type ProgressStatus = 'wait' | 'process' | 'finish' | 'error';

export interface ProgressBar {
  /** Index of the step the case is at (for antd Steps `current`). */
  current: number;
  /** State of that step. */
  status: ProgressStatus;
}

/** 识别纳入: 线索 → 入户核实 → 评议公示 → 乡镇审核 → 县级审定 → 纳入监测 (domain.md §5). */
export const IDENTIFICATION_STEPS = ['lead', 'home_check', 'in_notice', 'township_review', 'county_approval', 'monitored'] as const;
/** 风险消除: 提出 → 公示 → 乡镇审核 → 县级审定 → 已消除 (domain.md §7: the same steps as identification). */
export const ELIMINATION_STEPS = [
  'elimination_proposed',
  'elimination_in_notice',
  'elimination_township_review',
  'elimination_county_approval',
  'eliminated',
] as const;

const AFTER_IDENTIFICATION: readonly CaseStatus[] = ['monitored', ...ELIMINATION_STEPS];

/** Where the identification path stands; a case closed without inclusion is marked at the step that ended it. */
export function identificationProgress(status: CaseStatus, events: readonly Pick<CaseEventView, 'type' | 'data'>[]): ProgressBar {
  const last = IDENTIFICATION_STEPS.length - 1;
  if (AFTER_IDENTIFICATION.includes(status)) return { current: last, status: 'finish' };
  if (status === 'closed_not_included') {
    // The county's rejection ends it at 县级审定; otherwise the home check found no need (核实后不纳入).
    const rejected = events.findLast((e) => e.type === 'county_approved' || e.type === 'home_checked');
    return { current: rejected?.type === 'county_approved' ? 4 : 1, status: 'error' };
  }
  const index = (IDENTIFICATION_STEPS as readonly CaseStatus[]).indexOf(status);
  return { current: Math.max(0, index), status: 'process' };
}

/** Where the elimination path stands; before anything is proposed every step waits. */
export function eliminationProgress(status: CaseStatus): ProgressBar {
  if (status === 'eliminated') return { current: ELIMINATION_STEPS.length - 1, status: 'finish' };
  const index = (ELIMINATION_STEPS as readonly CaseStatus[]).indexOf(status);
  return index < 0 ? { current: -1, status: 'wait' } : { current: index, status: 'process' };
}

/** The elimination path is only worth showing once the household is monitored (or was). */
export function showsEliminationPath(status: CaseStatus): boolean {
  return AFTER_IDENTIFICATION.includes(status);
}
