import type { Role } from '@zengshou/core';
import type { Executor } from '../../platform/db/database.ts';
import { arrayParam, queryOne, queryRows, sql } from '../../platform/db/sql.ts';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  region_code: string;
  status: 'active' | 'disabled';
  failed_logins: number;
  locked_until: Date | null;
  last_login_at: Date | null;
  must_change_password: boolean;
  version: number;
  region_name: string | null;
}

const columns = sql`id, username, display_name, roles, region_code, status, failed_logins, locked_until, last_login_at,
                    must_change_password, version,
                    (SELECT r.name FROM regions r WHERE r.code = users.region_code AND r.valid_to IS NULL) AS region_name`;

/** Users are people's data too: every query takes the caller's scope, and a user outside it is not found. */
export function listUsers(orm: Executor, scope: string, q: { search: string | null; limit: number; offset: number }) {
  const search = q.search ? `%${q.search.replace(/[\\%_]/g, (m) => '\\' + m)}%` : null;
  return queryRows<UserRow & { total: number }>(
    orm,
    sql`SELECT ${columns}, count(*) OVER ()::int8 AS total FROM users
        WHERE region_code LIKE ${scope + '%'}
          AND (${search}::text IS NULL OR username ILIKE ${search} OR display_name ILIKE ${search})
        ORDER BY region_code, username LIMIT ${q.limit} OFFSET ${q.offset}`,
  );
}

export function findUser(orm: Executor, scope: string, id: string) {
  return queryOne<UserRow>(
    orm,
    sql`SELECT ${columns} FROM users WHERE id = ${id} AND region_code LIKE ${scope + '%'}`,
  );
}

export function insertUser(
  orm: Executor,
  u: { username: string; displayName: string; passwordHash: string; roles: Role[]; regionCode: string; mustChangePassword: boolean },
) {
  return queryOne<UserRow>(
    orm,
    sql`INSERT INTO users (username, display_name, password_hash, roles, region_code, must_change_password)
        VALUES (${u.username}, ${u.displayName}, ${u.passwordHash}, ${arrayParam(u.roles)}::text[], ${u.regionCode}, ${u.mustChangePassword})
        RETURNING ${columns}`,
  );
}

/** Optimistic locking: the row changes only if its version is still the one the editor read. */
export function updateUser(
  orm: Executor,
  scope: string,
  id: string,
  expectedVersion: number,
  u: { displayName: string; roles: Role[]; regionCode: string; status: 'active' | 'disabled' },
  at: Date,
) {
  return queryOne<UserRow>(
    orm,
    sql`UPDATE users SET display_name = ${u.displayName}, roles = ${arrayParam(u.roles)}::text[], region_code = ${u.regionCode},
               status = ${u.status}, version = version + 1, updated_at = ${at}
        WHERE id = ${id} AND region_code LIKE ${scope + '%'} AND version = ${expectedVersion}
        RETURNING ${columns}`,
  );
}

export function unlockUser(orm: Executor, scope: string, id: string, at: Date) {
  return queryOne<UserRow>(
    orm,
    sql`UPDATE users SET failed_logins = 0, locked_until = NULL, version = version + 1, updated_at = ${at}
        WHERE id = ${id} AND region_code LIKE ${scope + '%'} RETURNING ${columns}`,
  );
}

export function setPassword(orm: Executor, scope: string, id: string, passwordHash: string, at: Date) {
  return queryOne<UserRow>(
    orm,
    sql`UPDATE users SET password_hash = ${passwordHash}, must_change_password = true, failed_logins = 0,
               locked_until = NULL, version = version + 1, updated_at = ${at}, password_changed_at = ${at}
        WHERE id = ${id} AND region_code LIKE ${scope + '%'} RETURNING ${columns}`,
  );
}

export async function countUsers(orm: Executor) {
  return (await queryOne<{ n: number }>(orm, sql`SELECT count(*)::int8 AS n FROM users`))?.n ?? 0;
}
