import type { UserRow } from './users.repository.ts';

/** What leaves the server about an account: never the password hash. */
export function presentUser(u: UserRow, now: Date) {
  const locked = u.locked_until !== null && u.locked_until > now;
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: u.roles,
    regionCode: u.region_code,
    regionName: u.region_name ?? u.region_code,
    status: u.status === 'disabled' ? 'disabled' : locked ? 'locked' : 'active',
    lockedUntil: locked ? u.locked_until!.toISOString() : null,
    lastLoginAt: u.last_login_at ? u.last_login_at.toISOString() : null,
    mustChangePassword: u.must_change_password,
    version: u.version,
  };
}

/** The audit record of an account change: same fields as the API, no hash. */
export function auditUserState(u: UserRow) {
  return { username: u.username, displayName: u.display_name, roles: u.roles, regionCode: u.region_code, status: u.status };
}
