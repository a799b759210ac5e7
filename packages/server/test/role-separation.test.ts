/**
 * Reliability test #3 (quality.md): 三员分立 — the system administrator (系统管理员), the security administrator
 * (安全管理员) and the audit administrator (审计管理员) are three different people. No account holds two of them, nor
 * one of them plus a business role; the system administrator reads neither personal data nor the audit log; the
 * auditor changes nothing; and an administrator can only hand out scope inside their own.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_SETTINGS, type Role } from '@zengshou/core';
import { startTestEnv, type TestEnv, R, TEST_PASSWORD } from './harness.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => env?.close());

const CHINESE = /[\u4e00-\u9fff]/;
const NEW_PASSWORD = 'Sep-Passw0rd-2026!';

/** Role sets that break the separation: two or three separated admins, or one of them plus a business role. */
const FORBIDDEN_SETS: Role[][] = [
  ['system_admin', 'security_admin'],
  ['security_admin', 'audit_admin'],
  ['system_admin', 'audit_admin'],
  ['system_admin', 'security_admin', 'audit_admin'],
  ['system_admin', 'county_admin'],
  ['security_admin', 'viewer'],
  ['audit_admin', 'village_clerk'],
  ['department', 'system_admin'],
  ['township_reviewer', 'audit_admin'],
];

let counter = 0;
const uniqueName = (prefix: string) => `${prefix}${++counter}_${randomUUID().slice(0, 6)}`;

async function userRow(id: string) {
  const r = await env.db.pool.query(
    'SELECT id, username, display_name, roles, region_code, status, version, password_hash, failed_logins, must_change_password FROM users WHERE id = $1',
    [id],
  );
  return r.rows[0];
}
async function usersNamed(username: string) {
  return (await env.db.pool.query('SELECT id, roles, region_code FROM users WHERE username = $1', [username])).rows;
}
async function snapshot() {
  const users = await env.db.pool.query(
    `SELECT id, username, display_name, roles, region_code, status, version, password_hash, failed_logins, locked_until,
            must_change_password FROM users ORDER BY id`,
  );
  const settings = await env.db.pool.query('SELECT key, value, version FROM settings ORDER BY key');
  return JSON.stringify({ users: users.rows, settings: settings.rows });
}

describe('三员分立: no account holds two separated admin roles, nor one plus a business role', () => {
  it('POST /api/users refuses each such role set with a Chinese message and stores nothing', async () => {
    const secadmin = await env.as('security_admin', R.county);
    for (const roles of FORBIDDEN_SETS) {
      const username = uniqueName('sep_new_');
      const res = await secadmin.post('/api/users', { username, displayName: '分立测试', roles, regionCode: R.village, password: NEW_PASSWORD });
      expect(res.statusCode, roles.join('+')).toBe(400);
      const message = res.json().error.message as string;
      expect(message, roles.join('+')).toMatch(CHINESE);
      expect(message, roles.join('+')).toContain('三员分立');
      expect(await usersNamed(username), roles.join('+')).toEqual([]);
    }
  });

  it('still creates a single separated admin and a multi-role business account (the refusal is not blanket)', async () => {
    const secadmin = await env.as('security_admin', R.county);
    for (const roles of [['system_admin'], ['audit_admin'], ['village_clerk', 'township_reviewer']] as Role[][]) {
      const username = uniqueName('sep_ok_');
      const res = await secadmin.post('/api/users', { username, displayName: '分立对照', roles, regionCode: R.county, password: NEW_PASSWORD });
      expect(res.statusCode, `${roles.join('+')}: ${res.body}`).toBe(201);
      expect((await usersNamed(username)).map((u) => u.roles)).toEqual([roles]);
    }
  });

  it('PATCH /api/users/:id refuses each such role set with a Chinese message and leaves the account unchanged', async () => {
    const secadmin = await env.as('security_admin', R.county);
    const targets = [
      await env.createUser('village_clerk', R.village),
      await env.createUser('system_admin', R.county),
      await env.createUser('audit_admin', R.county),
    ];
    for (const target of targets) {
      const before = await userRow(target.id);
      for (const roles of FORBIDDEN_SETS) {
        const res = await secadmin.request('PATCH', `/api/users/${target.id}`, { version: before.version, roles });
        expect(res.statusCode, `${before.roles} → ${roles.join('+')}: ${res.body}`).toBe(400);
        const message = res.json().error.message as string;
        expect(message).toMatch(CHINESE);
        expect(message).toContain('三员分立');
      }
      // Nothing stored: roles, version and everything else as before.
      expect(await userRow(target.id)).toEqual(before);
    }
  });

  it('the database itself refuses such a row (constraint users_admin_roles_separated)', async () => {
    const insert = (roles: string[]) =>
      env.db.pool.query(
        `INSERT INTO users (username, display_name, password_hash, roles, region_code) VALUES ($1, '直接写入', 'x', $2::text[], $3)`,
        [uniqueName('sep_db_'), roles, R.county],
      );
    for (const roles of FORBIDDEN_SETS) {
      const error = await insert(roles).then(
        () => null,
        (e: unknown) => e as { constraint?: string; message?: string },
      );
      expect(error, roles.join('+')).not.toBeNull();
      expect(error!.constraint ?? error!.message, roles.join('+')).toContain('users_admin_roles_separated');
    }
    const existing = await env.createUser('security_admin', R.county);
    const update = await env.db.pool
      .query(`UPDATE users SET roles = ARRAY['security_admin', 'audit_admin'] WHERE id = $1`, [existing.id])
      .then(
        () => null,
        (e: unknown) => e as { constraint?: string; message?: string },
      );
    expect(update).not.toBeNull();
    expect(update!.constraint ?? update!.message).toContain('users_admin_roles_separated');
    expect((await userRow(existing.id)).roles).toEqual(['security_admin']);
    const bad = await env.db.pool.query(
      `SELECT username, roles FROM users
        WHERE roles && ARRAY['system_admin', 'security_admin', 'audit_admin']::text[] AND cardinality(roles) > 1`,
    );
    expect(bad.rows).toEqual([]);
  });
});

describe('the system administrator reads neither personal data nor the audit trail', () => {
  it('gets 403 on the audit log, its verification and the user list', async () => {
    for (const scope of [R.province, R.county]) {
      const sysadmin = await env.as('system_admin', scope);
      for (const url of ['/api/audit', '/api/audit/verify', '/api/users', '/api/users?q=a&pageSize=200']) {
        const res = await sysadmin.get(url);
        expect(res.statusCode, `${scope} ${url}`).toBe(403);
        expect(res.json().error.message).toMatch(CHINESE);
        expect(res.body).not.toMatch(/"items"|"username"/);
      }
    }
  });
});

describe('the audit administrator changes nothing', () => {
  /** The auditor may sign in and out and change their own password; nothing else that is not a read. */
  const AUDITOR_SELF_SERVICE = new Set(['POST /api/auth/logout', 'POST /api/auth/password', 'POST /api/auth/login']);
  /**
   * The households' own public form (农户自主申报) answers anyone, signed in or not, by design; being an auditor gives
   * nothing extra there. Named here, not derived from the route table, so an accidental 'public' still fails below.
   */
  const OPEN_TO_EVERYONE = new Set(['POST /api/public/declarations']);

  it('gets 403 on every non-GET route except the self-service ones, and nothing in the database changes', async () => {
    const auditor = await env.as('audit_admin', R.county);
    const target = await env.createUser('village_clerk', R.village);
    const { version } = await userRow(target.id);
    const settings = (await env.db.pool.query(`SELECT value, version FROM settings WHERE key = 'security'`)).rows[0];
    /** Valid bodies where we know the route; the refusal must come from who is asking, not from the body. */
    const bodies: Record<string, unknown> = {
      'POST /api/users': { username: uniqueName('aud_'), displayName: '审计员建的', roles: ['village_clerk'], regionCode: R.village, password: NEW_PASSWORD },
      'PATCH /api/users/:id': { version, displayName: '审计员改的', status: 'disabled' },
      'POST /api/users/:id/reset-password': { password: NEW_PASSWORD },
      'PUT /api/settings': { version: settings?.version ?? 1, settings: { ...DEFAULT_SECURITY_SETTINGS, ...settings?.value, passwordMinLength: 8, passwordRequireClasses: 1 } },
    };
    const writes = env.routes.filter((r) => r.method !== 'GET' && !AUDITOR_SELF_SERVICE.has(`${r.method} ${r.url}`) && !OPEN_TO_EVERYONE.has(`${r.method} ${r.url}`));
    expect(writes.length).toBeGreaterThanOrEqual(5);

    const before = await snapshot();
    const allowed: string[] = [];
    for (const route of writes) {
      const k = `${route.method} ${route.url}`;
      const url = route.url.replace(':id', target.id).replace(':code', R.county);
      const res = await auditor.request(route.method, url, bodies[k] ?? {});
      if (res.statusCode !== 403) allowed.push(`${k} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(allowed).toEqual([]);
    expect(await snapshot()).toBe(before);
    // The auditor is still signed in and can still read the trail (the refusals were about duties, not the session).
    expect((await auditor.get('/api/audit')).statusCode).toBe(200);
  });

  it('may use the self-service routes on their own account only', async () => {
    const auditor = await env.as('audit_admin', R.county);
    const res = await auditor.post('/api/auth/password', { oldPassword: TEST_PASSWORD, newPassword: 'Auditor-Passw0rd-2026' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await auditor.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await auditor.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('a security administrator hands out scope only inside their own', () => {
  it('cannot create a user in another county or with a wider scope (400, nothing stored)', async () => {
    const secadmin = await env.as('security_admin', R.county);
    for (const regionCode of [R.otherCounty, '533401101', R.city, R.province]) {
      const username = uniqueName('scope_');
      const res = await secadmin.post('/api/users', { username, displayName: '越权账号', roles: ['county_admin'], regionCode, password: NEW_PASSWORD });
      expect(res.statusCode, `${regionCode}: ${res.body}`).toBe(400);
      expect(res.json().error.message).toMatch(CHINESE);
      expect(await usersNamed(username), regionCode).toEqual([]);
    }
  });

  it('a township security admin cannot create a user for its county or a sibling township', async () => {
    const secadmin = await env.as('security_admin', R.township);
    for (const regionCode of [R.county, R.siblingTownship, `${R.siblingTownship}001`]) {
      const username = uniqueName('scope_t_');
      const res = await secadmin.post('/api/users', { username, displayName: '越权账号', roles: ['village_clerk'], regionCode, password: NEW_PASSWORD });
      expect(res.statusCode, `${regionCode}: ${res.body}`).toBe(400);
      expect(await usersNamed(username), regionCode).toEqual([]);
    }
    // Control: inside the scope it works.
    const username = uniqueName('scope_ok_');
    const ok = await secadmin.post('/api/users', { username, displayName: '本镇账号', roles: ['village_clerk'], regionCode: R.village, password: NEW_PASSWORD });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await usersNamed(username)).toHaveLength(1);
  });

  it('cannot move a user in scope to a region outside it or wider than its own', async () => {
    const secadmin = await env.as('security_admin', R.county);
    const target = await env.createUser('village_clerk', R.village);
    const before = await userRow(target.id);
    for (const regionCode of [R.otherCounty, R.city, R.province]) {
      const res = await secadmin.request('PATCH', `/api/users/${target.id}`, { version: before.version, regionCode });
      expect(res.statusCode, `${regionCode}: ${res.body}`).toBe(400);
      expect(res.json().error.message).toMatch(CHINESE);
    }
    expect(await userRow(target.id)).toEqual(before);
  });
});
