import type { Role } from '../auth';
import type { UserRow, UserUpdateInput } from './types';

export interface UserEditValues {
  displayName: string;
  roles: Role[];
  regionCode: string;
  status: 'active' | 'disabled';
}

/** Locked is not something an editor sets; a locked account edits as "active" and is unlocked separately. */
export function editValuesOf(user: UserRow): UserEditValues {
  return {
    displayName: user.displayName,
    roles: [...user.roles],
    regionCode: user.regionCode,
    status: user.status === 'disabled' ? 'disabled' : 'active',
  };
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/** Only the fields that differ from `base` are sent, so a save never silently reverts someone else's change. */
export function userUpdateFrom(base: UserRow, values: UserEditValues): UserUpdateInput {
  const before = editValuesOf(base);
  const input: UserUpdateInput = { version: base.version };
  const displayName = values.displayName.trim();
  if (displayName !== before.displayName) input.displayName = displayName;
  if (!sameRoles(values.roles, before.roles)) input.roles = values.roles;
  if (values.regionCode !== before.regionCode) input.regionCode = values.regionCode;
  if (values.status !== before.status) input.status = values.status;
  return input;
}

export function isEmptyUpdate(input: UserUpdateInput): boolean {
  return Object.keys(input).length === 1;
}
