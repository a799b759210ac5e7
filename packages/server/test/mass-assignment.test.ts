/**
 * Reliability test #4 (quality.md): mass assignment. Every write route that takes a body is sent its valid body
 * plus one extra field at a time (and then all of them at once): `id`, `regionCode`, `status`, `role`, `roles`,
 * `version` (each only where it is not a legitimate field of that route), `passwordHash`, `failedLogins`, their
 * column spellings, and a real `__proto__` key (the payload goes over the wire as a raw JSON string). The server may
 * refuse (400) or ignore the extra field; in every case the database rows afterwards show nothing extra stored, and
 * Object.prototype is not polluted.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestEnv, type TestClient, type TestEnv, R, TEST_PASSWORD } from './harness.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => env?.close());
afterEach(() => {
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin, 'Object.prototype polluted').toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'roles'), 'Object.prototype polluted').toBe(false);
});

const INJECTED_ID = randomUUID();
const INJECTED_HASH = '$argon2id$v=19$m=19456,t=2,p=1$injected$injected';

/** Extra fields, as raw JSON text of their values. `__proto__` is sent as a real key, not as an object's prototype. */
const EXTRAS: Record<string, string> = {
  id: JSON.stringify(INJECTED_ID),
  regionCode: JSON.stringify(R.otherCounty),
  status: JSON.stringify('disabled'),
  role: JSON.stringify('security_admin'),
  roles: JSON.stringify(['system_admin']),
  version: '99',
  passwordHash: JSON.stringify(INJECTED_HASH),
  failedLogins: '99',
  password_hash: JSON.stringify(INJECTED_HASH),
  failed_logins: '99',
  region_code: JSON.stringify(R.otherCounty),
  must_change_password: 'true',
  locked_until: JSON.stringify('2099-01-01T00:00:00Z'),
  // Computed, so this is an own key named "__proto__" (a plain `__proto__:` would set EXTRAS's prototype instead).
  ['__proto__']: JSON.stringify({ polluted: 'yes', isAdmin: true, roles: ['system_admin'] }),
  constructor: JSON.stringify({ prototype: { polluted: 'yes' } }),
};

/** The valid body as JSON text with the extra keys appended (a duplicate key would replace a legitimate one). */
function rawBody(base: Record<string, unknown>, extras: string[]): string {
  const parts = Object.entries(base).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  for (const k of extras) parts.push(`${JSON.stringify(k)}:${EXTRAS[k]}`);
  return `{${parts.join(',')}}`;
}

function sendRaw(client: TestClient, method: string, url: string, json: string) {
  return client.request(method, url, json, { 'content-type': 'application/json' });
}

const PROTOTYPE_KEYS = ['__proto__', 'constructor'];
/** Every extra field except the prototype keys, which the JSON parser refuses before validation sees anything. */
const PLAIN_EXTRAS = Object.keys(EXTRAS).filter((k) => !PROTOTYPE_KEYS.includes(k));

/** One case per extra field that is not legitimate on the route, then all plain ones together, then all of them. */
function casesFor(legitimate: string[]): { name: string; extras: string[] }[] {
  const extras = Object.keys(EXTRAS).filter((k) => !legitimate.includes(k));
  return [
    // The valid body alone must be accepted, or a refusal below would prove nothing.
    { name: 'no extra field (control)', extras: [] },
    ...extras.map((k) => ({ name: k, extras: [k] })),
    { name: 'all plain fields at once', extras: extras.filter((k) => !PROTOTYPE_KEYS.includes(k)) },
    { name: 'all at once', extras },
  ];
}

interface UserState {
  id: string;
  username: string;
  display_name: string;
  roles: string[];
  region_code: string;
  status: string;
  version: number;
  password_hash: string;
  failed_logins: number;
  locked_until: Date | null;
  must_change_password: boolean;
}
async function userById(id: string): Promise<UserState | undefined> {
  const r = await env.db.pool.query(
    `SELECT id, username, display_name, roles, region_code, status, version, password_hash, failed_logins, locked_until,
            must_change_password FROM users WHERE id = $1`,
    [id],
  );
  return r.rows[0];
}
async function usersNamed(username: string): Promise<UserState[]> {
  const r = await env.db.pool.query(
    `SELECT id, username, display_name, roles, region_code, status, version, password_hash, failed_logins, locked_until,
            must_change_password FROM users WHERE username = $1`,
    [username],
  );
  return r.rows;
}
async function expectNoInjectedUser(label: string) {
  expect(await userById(INJECTED_ID), `${label}: a user was stored under the injected id`).toBeUndefined();
  const r = await env.db.pool.query('SELECT id FROM users WHERE password_hash = $1', [INJECTED_HASH]);
  expect(r.rows, `${label}: the injected password hash was stored`).toEqual([]);
}
function expectRefusedOrAccepted(label: string, status: number, body: string, control = false) {
  expect(control ? [200, 201] : [200, 201, 400], `${label}: ${status} ${body}`).toContain(status);
  expect(body, `${label}: the reply echoes an injected value`).not.toContain(INJECTED_HASH);
}

let counter = 0;
const uniqueName = (prefix: string) => `${prefix}${++counter}_${randomUUID().slice(0, 6)}`;

describe('mass assignment: extra fields are refused or ignored, never stored', () => {
  it('POST /api/users', async () => {
    const secadmin = await env.as('security_admin', R.county);
    const legitimate = ['username', 'displayName', 'roles', 'regionCode', 'password'];
    for (const c of casesFor(legitimate)) {
      const username = uniqueName('ma_new_');
      const base = { username, displayName: '批量赋值测试', roles: ['village_clerk'], regionCode: R.village, password: 'Mass-Assign-Passw0rd' };
      const res = await sendRaw(secadmin, 'POST', '/api/users', rawBody(base, c.extras));
      const label = `POST /api/users + ${c.name}`;
      expectRefusedOrAccepted(label, res.statusCode, res.body, c.extras.length === 0);
      const stored = await usersNamed(username);
      if (res.statusCode === 400) {
        expect(stored, `${label}: refused but stored`).toEqual([]);
      } else {
        expect(stored, label).toHaveLength(1);
        const u = stored[0]!;
        expect(u.id, label).not.toBe(INJECTED_ID);
        expect(u.roles, label).toEqual(['village_clerk']);
        expect(u.region_code, label).toBe(R.village);
        expect(u.status, label).toBe('active');
        expect(u.version, label).toBe(1);
        expect(u.failed_logins, label).toBe(0);
        expect(u.locked_until, label).toBeNull();
        expect(u.must_change_password, label).toBe(true);
        expect(u.password_hash, label).toMatch(/^\$argon2/);
        expect(u.password_hash, label).not.toBe(INJECTED_HASH);
      }
      await expectNoInjectedUser(label);
    }
  });

  it('PATCH /api/users/:id', async () => {
    const secadmin = await env.as('security_admin', R.county);
    const target = await env.createUser('village_clerk', R.village);
    const legitimate = ['version', 'displayName', 'roles', 'regionCode', 'status'];
    for (const c of casesFor(legitimate)) {
      const before = (await userById(target.id))!;
      const displayName = `改名${++counter}`;
      const res = await sendRaw(secadmin, 'PATCH', `/api/users/${target.id}`, rawBody({ version: before.version, displayName }, c.extras));
      const label = `PATCH /api/users/:id + ${c.name}`;
      expectRefusedOrAccepted(label, res.statusCode, res.body, c.extras.length === 0);
      const after = (await userById(target.id))!;
      expect(after, `${label}: the account vanished`).toBeDefined();
      const changed = res.statusCode === 200;
      // Only the legitimate change (display name, and the version that counts it) may differ.
      expect(after, label).toEqual({
        ...before,
        display_name: changed ? displayName : before.display_name,
        version: changed ? before.version + 1 : before.version,
      });
      await expectNoInjectedUser(label);
    }
  });

  it('PUT /api/settings (extra fields at the top level and inside `settings`)', async () => {
    const sysadmin = await env.as('system_admin', R.province);
    const known = ['passwordMinLength', 'passwordRequireClasses', 'lockoutThreshold', 'lockoutMinutes', 'sessionIdleMinutes', 'sessionAbsoluteHours'];
    const legitimate = ['version', 'settings'];
    const read = async () => (await env.db.pool.query(`SELECT key, value, version FROM settings ORDER BY key`)).rows;
    for (const where of ['top level', 'inside settings'] as const) {
      for (const c of casesFor(where === 'top level' ? legitimate : known)) {
        const beforeRows = await read();
        const current = (await sysadmin.get('/api/settings')).json() as { settings: Record<string, number>; version: number };
        const next = { ...current.settings, lockoutThreshold: current.settings.lockoutThreshold === 5 ? 6 : 5 };
        const json =
          where === 'top level'
            ? rawBody({ version: current.version, settings: next }, c.extras)
            : rawBody({ version: current.version }, []).replace(/}$/, `,"settings":${rawBody(next, c.extras)}}`);
        const res = await sendRaw(sysadmin, 'PUT', '/api/settings', json);
        const label = `PUT /api/settings + ${c.name} (${where})`;
        expectRefusedOrAccepted(label, res.statusCode, res.body, c.extras.length === 0);
        const afterRows = await read();
        expect(afterRows.map((r) => r.key), `${label}: a settings row was added`).toEqual(beforeRows.map((r) => r.key));
        const security = afterRows.find((r) => r.key === 'security');
        const before = beforeRows.find((r) => r.key === 'security');
        expect(Object.keys(security?.value ?? {}).filter((k) => !known.includes(k)), `${label}: extra keys stored`).toEqual([]);
        if (res.statusCode === 200) {
          expect(security.value, label).toEqual(next);
          expect(security.version, label).toBe(before.version + 1);
          expect(Object.keys(res.json().settings).sort(), label).toEqual([...known].sort());
        } else {
          expect(security, label).toEqual(before);
        }
      }
    }
    await expectNoInjectedUser('PUT /api/settings');
  });

  it('POST /api/auth/password', async () => {
    const user = await env.as('village_clerk', R.village);
    let password = TEST_PASSWORD;
    const legitimate = ['oldPassword', 'newPassword'];
    for (const c of casesFor(legitimate)) {
      const before = (await userById(user.userId))!;
      const newPassword = `Changed-Passw0rd-${++counter}`;
      const res = await sendRaw(user, 'POST', '/api/auth/password', rawBody({ oldPassword: password, newPassword }, c.extras));
      const label = `POST /api/auth/password + ${c.name}`;
      expectRefusedOrAccepted(label, res.statusCode, res.body, c.extras.length === 0);
      const after = (await userById(user.userId))!;
      if (res.statusCode === 200) {
        password = newPassword;
        expect(after.password_hash, label).not.toBe(before.password_hash);
        expect(after.password_hash, label).toMatch(/^\$argon2/);
        // The legitimate change: hash, version and the must-change flag; nothing else.
        expect({ ...after, password_hash: '', version: 0 }, label).toEqual({ ...before, password_hash: '', version: 0, must_change_password: false });
        expect(after.version, label).toBe(before.version + 1);
      } else {
        expect(after, label).toEqual(before);
      }
      await expectNoInjectedUser(label);
    }
    expect((await user.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('POST /api/users/:id/reset-password', async () => {
    const secadmin = await env.as('security_admin', R.county);
    const target = await env.createUser('township_reviewer', R.township);
    const legitimate = ['password'];
    for (const c of casesFor(legitimate)) {
      const before = (await userById(target.id))!;
      const res = await sendRaw(secadmin, 'POST', `/api/users/${target.id}/reset-password`, rawBody({ password: `Reset-Passw0rd-${++counter}` }, c.extras));
      const label = `POST /api/users/:id/reset-password + ${c.name}`;
      expectRefusedOrAccepted(label, res.statusCode, res.body, c.extras.length === 0);
      const after = (await userById(target.id))!;
      if (res.statusCode === 200) {
        expect(after.password_hash, label).toMatch(/^\$argon2/);
        // The legitimate change: a new hash, must change at next login, counters reset, version counted.
        expect({ ...after, password_hash: '' }, label).toEqual({
          ...before,
          password_hash: '',
          must_change_password: true,
          failed_logins: 0,
          locked_until: null,
          version: before.version + 1,
        });
      } else {
        expect(after, label).toEqual(before);
      }
      await expectNoInjectedUser(label);
    }
  });

  it('POST /api/auth/login', async () => {
    const account = await env.createUser('viewer', R.county);
    const legitimate = ['username', 'password'];
    for (const c of casesFor(legitimate)) {
      const before = (await userById(account.id))!;
      const client = env.client();
      await client.fetchCsrf();
      const res = await sendRaw(client, 'POST', '/api/auth/login', rawBody({ username: account.username, password: TEST_PASSWORD }, c.extras));
      const label = `POST /api/auth/login + ${c.name}`;
      expectRefusedOrAccepted(label, res.statusCode, res.body, c.extras.length === 0);
      const after = (await userById(account.id))!;
      // A login may only reset the failure counter; the account itself is unchanged.
      expect({ ...after, failed_logins: 0, locked_until: null }, label).toEqual({ ...before, failed_logins: 0, locked_until: null });
      if (res.statusCode === 200) {
        expect(after.failed_logins, label).toBe(0);
        const me = await client.get('/api/auth/me');
        expect(me.json().user, label).toMatchObject({ roles: ['viewer'], regionCode: R.county });
        expect(me.json().user.permissions, label).not.toContain('users:manage');
      }
      await expectNoInjectedUser(label);
    }
  });

  it('every write route that takes a body is covered here', () => {
    const covered = new Set([
      'POST /api/users',
      'PATCH /api/users/:id',
      'PUT /api/settings',
      'POST /api/auth/password',
      'POST /api/users/:id/reset-password',
      'POST /api/auth/login',
    ]);
    // Writes without a body: extra fields have nowhere to go (checked below by sending them anyway).
    const bodiless = new Set(['POST /api/auth/logout', 'POST /api/users/:id/unlock']);
    const writes = env.routes.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`);
    expect(writes.filter((k) => !covered.has(k) && !bodiless.has(k)), 'write routes not covered by the mass-assignment test').toEqual([]);
  });

  it('body-less writes (unlock, logout) ignore a body full of extra fields', async () => {
    const secadmin = await env.as('security_admin', R.county);
    const target = await env.createUser('village_clerk', R.village);
    await env.db.pool.query(`UPDATE users SET failed_logins = 5, locked_until = now() + interval '1 hour' WHERE id = $1`, [target.id]);
    for (const extras of [Object.keys(EXTRAS), PLAIN_EXTRAS]) {
      const label = `unlock + ${extras.join(',')}`;
      const before = (await userById(target.id))!;
      const res = await sendRaw(secadmin, 'POST', `/api/users/${target.id}/unlock`, rawBody({}, extras));
      expectRefusedOrAccepted(label, res.statusCode, res.body);
      const after = (await userById(target.id))!;
      if (res.statusCode === 200) {
        expect(after, label).toEqual({ ...before, failed_logins: 0, locked_until: null, version: before.version + 1 });
      } else {
        expect(after, label).toEqual(before);
      }
      await expectNoInjectedUser(label);
    }

    for (const extras of [Object.keys(EXTRAS), PLAIN_EXTRAS]) {
      const label = `logout + ${extras.join(',')}`;
      const me = await env.as('county_admin', R.county);
      const meBefore = (await userById(me.userId))!;
      const out = await sendRaw(me, 'POST', '/api/auth/logout', rawBody({}, extras));
      expectRefusedOrAccepted(label, out.statusCode, out.body);
      expect(await userById(me.userId), label).toEqual(meBefore);
      await expectNoInjectedUser(label);
    }
  });
});
