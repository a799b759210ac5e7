import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEnv, type TestEnv, R } from './harness.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => env?.close());

describe('user management by the security administrator', () => {
  it('creates a user who must change the password at first login, with a Chinese error for a taken name', async () => {
    const admin = await env.as('security_admin', R.county);
    const body = { username: 'zhang_san', displayName: '张三', roles: ['village_clerk'], regionCode: R.village, password: 'Strong-Pass-77' };
    const res = await admin.post('/api/users', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().user).toMatchObject({ username: 'zhang_san', regionName: expect.stringMatching(/社区|村/), mustChangePassword: true, version: 1 });
    const again = await admin.post('/api/users', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('用户名 zhang_san 已被使用');
    const login = await env.client().login('zhang_san', 'Strong-Pass-77');
    expect(login.json().user.mustChangePassword).toBe(true);
  });

  it('lets one of two simultaneous editors win; the other gets 409 with the current record', async () => {
    const admin1 = await env.as('security_admin', R.county);
    const admin2 = await env.as('security_admin', R.county);
    const target = await env.createUser('viewer', R.county);
    const [a, b] = await Promise.all([
      admin1.request('PATCH', `/api/users/${target.id}`, { version: 1, displayName: '甲改的' }),
      admin2.request('PATCH', `/api/users/${target.id}`, { version: 1, displayName: '乙改的' }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? a : b;
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('version_conflict');
    expect(loser.json().error.details.current).toMatchObject({ displayName: winner.json().user.displayName, version: 2 });
    const list = (await admin1.get(`/api/users?q=${target.username}`)).json();
    expect(list.items[0].displayName).toBe(winner.json().user.displayName);
  });

  it('disabling a user ends their sessions at once', async () => {
    const admin = await env.as('security_admin', R.county);
    const target = await env.as('viewer', R.county);
    expect((await target.get('/api/auth/me')).statusCode).toBe(200);
    const res = await admin.request('PATCH', `/api/users/${target.userId}`, { version: 1, status: 'disabled' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await target.get('/api/auth/me')).statusCode).toBe(401);
    expect((await env.client().login(target.username)).statusCode).toBe(401);
  });

  it('resets a password: old one stops working, the user must change it', async () => {
    const admin = await env.as('security_admin', R.county);
    const target = await env.createUser('viewer', R.county);
    const weak = await admin.post(`/api/users/${target.id}/reset-password`, { password: '123' });
    expect(weak.statusCode).toBe(400);
    expect((await admin.post(`/api/users/${target.id}/reset-password`, { password: 'Reset-Pass-2026' })).statusCode).toBe(200);
    expect((await env.client().login(target.username)).statusCode).toBe(401);
    const fresh = await env.client().login(target.username, 'Reset-Pass-2026');
    expect(fresh.json().user.mustChangePassword).toBe(true);
  });

  it('lists only users inside the administrator’s scope', async () => {
    const townshipAdmin = await env.as('security_admin', R.township);
    await env.createUser('viewer', R.otherCounty, 'far_away_user');
    await env.createUser('viewer', R.siblingTownship, 'sibling_user');
    const names = (await townshipAdmin.get('/api/users?pageSize=200')).json().items.map((u: { username: string; regionCode: string }) => u.regionCode);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((code: string) => code.startsWith(R.township))).toBe(true);
  });
});
