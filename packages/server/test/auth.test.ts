import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEnv, type TestEnv, R, TEST_PASSWORD } from './harness.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => env?.close());

describe('login', () => {
  it('signs in with an httpOnly SameSite=Strict session cookie and reports the user with scope and permissions', async () => {
    const u = await env.createUser('county_admin', R.county);
    const c = env.client();
    await c.fetchCsrf();
    const res = await c.post('/api/auth/login', { username: u.username, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((x) => x.name === 'zs_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const body = res.json();
    expect(body.user).toMatchObject({ username: u.username, roles: ['county_admin'], regionCode: R.county });
    expect(body.user.regionName).toBe('云南省 迪庆藏族自治州 维西傈僳族自治县');
    expect(body.user.permissions).toContain('cases:approve');
    expect(JSON.stringify(body)).not.toMatch(/argon2|password_hash|passwordHash/);
  });

  it('rotates the session id at every login and the old id stops working', async () => {
    const u = await env.createUser('viewer', R.county);
    const c = env.client();
    await c.login(u.username);
    const first = c.cookie('zs_sid');
    const stale = env.client();
    // Someone holding the first session id (e.g. planted before login — session fixation)…
    await stale.request('GET', '/api/auth/me', undefined, { cookie: `zs_sid=${first}` }).then((r) => expect(r.statusCode).toBe(200));
    await c.login(u.username);
    const second = c.cookie('zs_sid');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const r = await stale.request('GET', '/api/auth/me', undefined, { cookie: `zs_sid=${first}` });
    expect(r.statusCode).toBe(401);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown user with the same Chinese message', async () => {
    const u = await env.createUser('viewer', R.county);
    const c = env.client();
    const wrong = await c.login(u.username, 'Wrong-password-1');
    const unknown = await c.login('nobody_here', 'Wrong-password-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.message).toBe('用户名或密码错误');
  });

  it('locks the account after 5 failed logins, even for the right password, until a security admin unlocks it', async () => {
    const u = await env.createUser('village_clerk', R.village);
    const c = env.client();
    for (let i = 1; i <= 4; i++) expect((await c.login(u.username, `Wrong-pass-${i}x`)).statusCode).toBe(401);
    const fifth = await c.login(u.username, 'Wrong-pass-5x');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.message).toMatch(/已锁定/);
    expect((await c.login(u.username, TEST_PASSWORD)).statusCode).toBe(423);

    const admin = await env.as('security_admin', R.county);
    const list = (await admin.get(`/api/users?q=${u.username}`)).json();
    expect(list.items[0]).toMatchObject({ username: u.username, status: 'locked' });
    expect((await admin.post(`/api/users/${u.id}/unlock`)).statusCode).toBe(200);
    expect((await c.login(u.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('unlocks by itself after the lockout period', async () => {
    const u = await env.createUser('village_clerk', R.village);
    const c = env.client();
    for (let i = 0; i < 5; i++) await c.login(u.username, `Wrong-pass-${i}x`);
    expect((await c.login(u.username, TEST_PASSWORD)).statusCode).toBe(423);
    env.clock.advance(16 * 60_000);
    expect((await c.login(u.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('uses the configured lockout threshold', async () => {
    const sys = await env.as('system_admin', R.county);
    const current = (await sys.get('/api/settings')).json();
    const put = await sys.request('PUT', '/api/settings', { version: current.version, settings: { ...current.settings, lockoutThreshold: 3 } });
    expect(put.statusCode, put.body).toBe(200);
    const u = await env.createUser('viewer', R.county);
    const c = env.client();
    expect((await c.login(u.username, 'Wrong-pass-1x')).statusCode).toBe(401);
    expect((await c.login(u.username, 'Wrong-pass-2x')).statusCode).toBe(401);
    expect((await c.login(u.username, 'Wrong-pass-3x')).statusCode).toBe(423);
    const back = (await sys.get('/api/settings')).json();
    await sys.request('PUT', '/api/settings', { version: back.version, settings: { ...back.settings, lockoutThreshold: 5 } });
  });

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const u = await env.createUser('viewer', R.county);
    const c = env.client();
    await c.login(u.username);
    env.clock.advance(29 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    env.clock.advance(31 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);

    const d = env.client();
    await d.login(u.username);
    for (let i = 0; i < 26; i++) {
      env.clock.advance(28 * 60_000); // always active, never idle…
      const r = await d.get('/api/auth/me');
      if (i < 25) expect(r.statusCode, `after ${(i + 1) * 28} minutes`).toBe(200);
      else expect(r.statusCode).toBe(401); // …but 12 hours is the limit
    }
  });

  it('logs out: the session is gone on the server', async () => {
    const u = await env.createUser('viewer', R.county);
    const c = env.client();
    await c.login(u.username);
    const sid = c.cookie('zs_sid');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    const replay = await env.client().request('GET', '/api/auth/me', undefined, { cookie: `zs_sid=${sid}` });
    expect(replay.statusCode).toBe(401);
  });

  it('rate-limits login attempts per IP address', async () => {
    const limited = await startTestEnv({ rateLimits: { perMinute: 10_000, loginPerMinute: 5 } });
    try {
      const c = limited.client('10.9.9.9');
      await c.fetchCsrf();
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await c.post('/api/auth/login', { username: `nobody${i}`, password: 'x' })).statusCode);
      expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(codes.slice(5)).toEqual([429, 429]);
      const other = limited.client('10.9.9.10');
      await other.fetchCsrf();
      expect((await other.post('/api/auth/login', { username: 'nobody', password: 'x' })).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });
});

describe('CSRF', () => {
  it('refuses a state change without the token, with a wrong token, and with another session’s token', async () => {
    const a = await env.as('security_admin', R.county);
    const b = await env.as('security_admin', R.county);
    const target = await env.createUser('viewer', R.county);
    const url = `/api/users/${target.id}/unlock`;
    expect((await a.request('POST', url, {}, { 'x-csrf-token': '' })).statusCode).toBe(403);
    expect((await a.request('POST', url, {}, { 'x-csrf-token': 'forged' })).json().error.code).toBe('csrf_failed');
    expect((await a.request('POST', url, {}, { 'x-csrf-token': b.csrfToken! })).statusCode).toBe(403);
    expect((await a.post(url)).statusCode).toBe(200);
  });

  it('refuses an anonymous login whose header does not match the token cookie', async () => {
    const u = await env.createUser('viewer', R.county);
    const c = env.client();
    await c.fetchCsrf();
    const res = await c.request('POST', '/api/auth/login', { username: u.username, password: TEST_PASSWORD }, { 'x-csrf-token': 'x'.repeat(43) });
    expect(res.statusCode).toBe(403);
  });
});

describe('password', () => {
  it('enforces the password policy in Chinese and ends the user’s other sessions on change', async () => {
    const u = await env.createUser('viewer', R.county);
    const c = env.client();
    const other = env.client('10.0.0.2');
    await c.login(u.username);
    await other.login(u.username);
    const weak = await c.post('/api/auth/password', { oldPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/密码长度至少 10 位/);
    const ok = await c.post('/api/auth/password', { oldPassword: TEST_PASSWORD, newPassword: 'Another-Pass-42' });
    expect(ok.statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await env.client().login(u.username, 'Another-Pass-42')).statusCode).toBe(200);
  });
});
