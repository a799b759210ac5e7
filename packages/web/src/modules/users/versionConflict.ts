import { isApiError } from '../api';
import type { UserRow } from './types';

/** The server's current copy when a save lost the optimistic-locking race, otherwise null. */
export function currentFromVersionConflict(error: unknown): UserRow | null {
  if (!isApiError(error) || error.status !== 409 || error.code !== 'version_conflict') return null;
  const details = error.details as { current?: UserRow } | null | undefined;
  return details?.current ?? null;
}
