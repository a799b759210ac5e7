import type { Role } from '@zengshou/core';
import type { Executor } from '../../platform/db/database.ts';
import { queryOne, sql } from '../../platform/db/sql.ts';

export interface LoginUserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  region_code: string;
  status: 'active' | 'disabled';
  failed_logins: number;
  locked_until: Date | null;
  must_change_password: boolean;
}

export interface SessionRow {
  id_hash: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  user_id: string;
  username: string;
  display_name: string;
  roles: Role[];
  region_code: string;
  status: 'active' | 'disabled';
  must_change_password: boolean;
}

export function findLoginUser(orm: Executor, username: string) {
  return queryOne<LoginUserRow>(
    orm,
    sql`SELECT id, username, display_name, password_hash, roles, region_code, status, failed_logins, locked_until,
               must_change_password
        FROM users WHERE username = ${username}`,
  );
}

/** One statement, so two parallel wrong guesses both count. Locks when the threshold is reached. */
export function recordFailedLogin(orm: Executor, userId: string, threshold: number, lockUntil: Date) {
  return queryOne<{ failed_logins: number; locked_until: Date | null }>(
    orm,
    sql`UPDATE users SET failed_logins = failed_logins + 1,
               locked_until = CASE WHEN failed_logins + 1 >= ${threshold} THEN ${lockUntil} ELSE locked_until END
        WHERE id = ${userId} RETURNING failed_logins, locked_until`,
  );
}

export async function recordSuccessfulLogin(orm: Executor, userId: string, at: Date) {
  await orm.execute(sql`UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ${at} WHERE id = ${userId}`);
}

export async function insertSession(
  orm: Executor,
  s: { idHash: string; userId: string; csrfToken: string; at: Date; ip: string; userAgent: string | null },
) {
  await orm.execute(sql`INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, ip, user_agent)
                        VALUES (${s.idHash}, ${s.userId}, ${s.csrfToken}, ${s.at}, ${s.at}, ${s.ip}, ${s.userAgent})`);
}

export function findSession(orm: Executor, idHash: string) {
  return queryOne<SessionRow>(
    orm,
    sql`SELECT s.id_hash, s.csrf_token, s.created_at, s.last_seen_at, u.id AS user_id, u.username, u.display_name,
               u.roles, u.region_code, u.status, u.must_change_password
        FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ${idHash}`,
  );
}

export async function touchSession(orm: Executor, idHash: string, at: Date) {
  await orm.execute(sql`UPDATE sessions SET last_seen_at = ${at} WHERE id_hash = ${idHash}`);
}

export async function deleteSession(orm: Executor, idHash: string) {
  await orm.execute(sql`DELETE FROM sessions WHERE id_hash = ${idHash}`);
}

export async function deleteSessionsOfUser(orm: Executor, userId: string, exceptIdHash: string | null = null) {
  await orm.execute(sql`DELETE FROM sessions WHERE user_id = ${userId} AND id_hash IS DISTINCT FROM ${exceptIdHash}`);
}

export async function updatePassword(orm: Executor, userId: string, passwordHash: string, at: Date) {
  await orm.execute(sql`UPDATE users SET password_hash = ${passwordHash}, password_changed_at = ${at},
                               must_change_password = false, version = version + 1, updated_at = ${at}
                        WHERE id = ${userId}`);
}

export async function passwordHashOf(orm: Executor, userId: string) {
  return (await queryOne<{ password_hash: string }>(orm, sql`SELECT password_hash FROM users WHERE id = ${userId}`))
    ?.password_hash;
}
