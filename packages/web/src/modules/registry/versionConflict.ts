import { isApiError } from '../api';

/** The server's current copy when a save lost the optimistic-locking race, otherwise null. */
export function currentFromVersionConflict<T>(error: unknown): T | null {
  if (!isApiError(error) || error.status !== 409 || error.code !== 'version_conflict') return null;
  const details = error.details as { current?: T | null } | null | undefined;
  return details?.current ?? null;
}

export function isVersionConflict(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.code === 'version_conflict';
}
