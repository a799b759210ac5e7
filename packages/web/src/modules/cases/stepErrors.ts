import { isApiError } from '../api';

/** How a refused write is shown: the workflow's Chinese reasons, a version conflict, or one message. */
export type StepProblem =
  | { kind: 'refused'; message: string; reasons: string[] }
  | { kind: 'conflict'; message: string }
  | { kind: 'exists'; message: string; caseId: string }
  | { kind: 'other'; message: string };

function detailsOf(error: unknown): Record<string, unknown> {
  if (!isApiError(error) || typeof error.details !== 'object' || error.details === null) return {};
  return error.details as Record<string, unknown>;
}

export function stepProblemOf(error: unknown): StepProblem {
  if (!isApiError(error)) return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
  const details = detailsOf(error);
  if (error.code === 'case_step_refused' || (error.status === 422 && Array.isArray(details.reasons))) {
    const reasons = Array.isArray(details.reasons) ? details.reasons.filter((r): r is string => typeof r === 'string' && r !== '') : [];
    // Without a list, the message itself is the one reason (it is the reasons joined by '；').
    return { kind: 'refused', message: error.message, reasons: reasons.length ? reasons : [error.message] };
  }
  if (error.code === 'version_conflict') return { kind: 'conflict', message: error.message };
  if (error.code === 'case_exists' && typeof details.caseId === 'string') {
    return { kind: 'exists', message: error.message, caseId: details.caseId };
  }
  return { kind: 'other', message: error.message };
}
