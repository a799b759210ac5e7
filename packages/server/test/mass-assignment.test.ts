/**
 * Reliability test #4 (quality.md): mass assignment. Every write route that takes a body is sent its valid body
 * plus one extra field at a time (and then all of them at once): `id`, `regionCode`, `status`, `role`, `roles`,
 * `version` (each only where it is not a legitimate field of that route), `passwordHash`, `failedLogins`, their
 * column spellings, and a real `__proto__` key (the payload goes over the wire as a raw JSON string). The server may
 * refuse (400) or ignore the extra field; in every case the database rows afterwards show nothing extra stored, and
 * Object.prototype is not polluted.
 *
 * The registry's writes (households, members, moves, income records, unmask) get the same treatment with the fields
 * only the server sets there — `countyCode`, `monitoringCategory`, `latestPerCapitaAnnual`, `memberCount`,
 * `householdId` where a member must not change household, the computed income figures — and must refuse them (400):
 * their schemas are strict. The import upload is multipart: extra form fields are ignored, and the job and the rows it
 * stores belong to the uploader's scope whatever the fields say.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestEnv, type TestClient, type TestEnv, R, TEST_PASSWORD } from './harness.ts';
import { HOUSEHOLD_HEADERS, householdRow, idNumber, writeCsv } from './support/registry-factory.ts';

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
function rawBody(base: Record<string, unknown>, extras: string[], pool: Record<string, string> = EXTRAS): string {
  const parts = Object.entries(base).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  for (const k of extras) parts.push(`${JSON.stringify(k)}:${pool[k]}`);
  return `{${parts.join(',')}}`;
}

function sendRaw(client: TestClient, method: string, url: string, json: string) {
  return client.request(method, url, json, { 'content-type': 'application/json' });
}

const PROTOTYPE_KEYS = ['__proto__', 'constructor'];
/** Every extra field except the prototype keys, which the JSON parser refuses before validation sees anything. */
const PLAIN_EXTRAS = Object.keys(EXTRAS).filter((k) => !PROTOTYPE_KEYS.includes(k));

/** One case per extra field that is not legitimate on the route, then all plain ones together, then all of them. */
function casesFor(legitimate: string[], pool: Record<string, string> = EXTRAS): { name: string; extras: string[] }[] {
  const extras = Object.keys(pool).filter((k) => !legitimate.includes(k));
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

  it('PUT /api/settings/logic-checks refuses unknown keys at both levels and stores nothing extra', async () => {
    const sysadmin = await env.as('system_admin', R.province);
    const read = async () => (await env.db.pool.query(`SELECT value, version FROM settings WHERE key = 'logicChecks'`)).rows[0];
    for (const extra of ['id', 'regionCode', 'status', 'passwordHash', '__proto__']) {
      const before = await read();
      const top = await sendRaw(sysadmin, 'PUT', '/api/settings/logic-checks', `{"version":${before.version},"config":{"perCapitaMin":350000},"${extra}":"x"}`);
      const inner = await sendRaw(sysadmin, 'PUT', '/api/settings/logic-checks', `{"version":${before.version},"config":{"perCapitaMin":350000,"${extra}":"x"}}`);
      expect([top.statusCode, inner.statusCode], extra).toEqual([400, 400]);
      expect(await read(), extra).toEqual(before);
    }
    const before = await read();
    const ok = await sysadmin.request('PUT', '/api/settings/logic-checks', { version: before.version, config: { perCapitaMin: 350000 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await read()).value).toEqual({ perCapitaMin: 350000, enabled: {} , schoolAgeMin: 6, schoolAgeMax: 16, wageMinPositive: 30000, wageMax: 30000000, dibaoMin: 20000, familyPlanningMin: 10000, pensionMin: 8800, absurdItemMax: 100000000 });
  });

  it('POST /api/monitoring-lines refuses extra fields and stores nothing extra', async () => {
    const county = await env.as('county_admin', R.county);
    const count = async () => (await env.db.pool.query(`SELECT count(*) AS n FROM monitoring_lines`)).rows[0].n;
    for (const extra of ['id', 'setBy', 'set_by', 'supersededAt', 'amountFen', 'regionName', '__proto__']) {
      const before = await count();
      const res = await sendRaw(county, 'POST', '/api/monitoring-lines', `{"regionCode":"${R.county}","year":2031,"amountYuan":"9000","method":"manual","${extra}":"x"}`);
      expect(res.statusCode, extra).toBe(400);
      expect(await count(), extra).toBe(before);
    }
    const ok = await county.post('/api/monitoring-lines', { regionCode: R.county, year: 2031, amountYuan: '9000', method: 'manual' });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('monitoring cases: extra fields are refused, and a step never takes its time, actor or state from the client', async () => {
    const clerk = await env.as('village_clerk', R.village);
    const h = await clerk.post('/api/households', { householdNo: `MA-CASE-${++counter}`, villageCode: R.village, address: '一组', householdType: 'ordinary', assistanceStatus: 'none' });
    expect(h.statusCode, h.body).toBe(201);
    const householdId = h.json().household.id as string;
    const count = async () => Number((await env.db.pool.query('SELECT count(*) AS n FROM cases WHERE household_id = $1', [householdId])).rows[0].n);
    for (const extra of ['id', 'status', 'version', 'caseNo', 'case_no', 'villageCode', 'countyCode', 'state', 'at', 'actor', '__proto__']) {
      const res = await sendRaw(clerk, 'POST', '/api/cases', `{"householdId":"${householdId}","source":"cadre","${extra}":"x"}`);
      expect(res.statusCode, extra).toBe(400);
      expect(await count(), extra).toBe(0);
    }
    const opened = await clerk.post('/api/cases', { householdId, source: 'cadre' });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId = opened.json().id as string;
    for (const extra of ['status', 'state', 'actorId', '__proto__']) {
      const res = await sendRaw(clerk, 'POST', `/api/cases/${caseId}/events`, `{"expectedVersion":1,"event":{"type":"home_checked","commitmentSigned":true,"authorisationSigned":true,"finding":"include","note":"核实"},"${extra}":"x"}`);
      expect(res.statusCode, extra).toBe(400);
    }
    // Inside the event: time and actor are the server's, whatever the client sends; unknown keys are dropped.
    const forged = await sendRaw(clerk, 'POST', `/api/cases/${caseId}/events`, JSON.stringify({
      expectedVersion: 1,
      event: { type: 'home_checked', commitmentSigned: true, authorisationSigned: true, finding: 'include', note: '核实', at: '2020-01-01T00:00:00Z', actor: { userId: INJECTED_ID, roles: ['county_admin'] }, status: 'monitored', approvedAt: '2020-01-01T00:00:00Z' },
    }));
    expect(forged.statusCode, forged.body).toBe(200);
    const stored = (await env.db.pool.query('SELECT event, actor_id FROM case_events WHERE case_id = $1 AND seq = 2', [caseId])).rows[0];
    expect(stored.actor_id).toBe(clerk.userId);
    expect(stored.event.actor).toEqual({ userId: clerk.userId, roles: ['village_clerk'] });
    expect(stored.event.at).not.toMatch(/^2020/);
    expect(Object.keys(stored.event).sort()).toEqual(['actor', 'at', 'authorisationSigned', 'commitmentSigned', 'finding', 'note', 'type']);
    expect(forged.json().status).toBe('home_check');
    const bulk = await sendRaw(clerk, 'POST', '/api/cases/bulk', `{"step":"township_reviewed","items":[{"caseId":"${caseId}","expectedVersion":2}],"decision":"pass"}`);
    expect(bulk.statusCode).toBe(400);
    const sysadmin = await env.as('system_admin', '53');
    const settings = await sendRaw(sysadmin, 'PUT', '/api/settings/cases', '{"version":1,"regions":{},"defaults":{"noticeDays":1}}');
    expect(settings.statusCode).toBe(400);
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

  it('PUT /api/settings/warnings refuses unknown keys at every level and stores nothing extra', async () => {
    const sysadmin = await env.as('system_admin', R.province);
    const read = async () => (await env.db.pool.query(`SELECT value, version FROM settings WHERE key = 'warnings'`)).rows[0];
    const put = (json: string) => sendRaw(sysadmin, 'PUT', '/api/settings/warnings', json);
    for (const extra of ['id', 'regionCode', 'status', 'passwordHash', 'rules', 'updatedAt', '__proto__']) {
      const before = await read();
      const v = before.version;
      const refused = [
        await put(`{"version":${v},"config":{"marginPct":15},"${extra}":"x"}`),
        await put(`{"version":${v},"config":{"marginPct":15,"${extra}":"x"}}`),
        await put(`{"version":${v},"config":{"enabled":{"below_line":true,"${extra}":false}}}`),
        await put(`{"version":${v},"config":{"weights":{"below_line":2,"${extra}":1}}}`),
      ];
      expect(refused.map((r) => r.statusCode), extra).toEqual([400, 400, 400, 400]);
      expect(await read(), extra).toEqual(before);
    }
    const before = await read();
    const ok = await sysadmin.request('PUT', '/api/settings/warnings', { version: before.version, config: { marginPct: 15 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await read()).value).toEqual({ marginPct: 15, fallPct: 10, partFallPct: 20, partFallMinFen: 50000, focusThresholdFen: 1000000, enabled: {} });
  });

  it('self-declarations: the public form, link, close and unmask refuse every extra field (400) and store nothing', async () => {
    const rows = async () => (await env.db.pool.query('SELECT id, county_code, village_code, status, household_id, case_id, closed_reason, closed_by, receipt_code FROM declarations ORDER BY id')).rows;
    const caseCount = async () => Number((await env.db.pool.query('SELECT count(*) AS n FROM cases')).rows[0].n);
    const form = () => ({ name: '申报人', phone: '13700000000', idNumber: idNumber('19620202'), villageCode: R.village, difficulties: ['illness'], description: '住院花费大', consent: true });
    const anonymous = async () => {
      const client = env.client();
      await client.fetchCsrf();
      return client;
    };
    for (const c of casesFor(Object.keys(form()))) {
      const label = `POST /api/public/declarations + ${c.name}`;
      const before = await rows();
      const res = await sendRaw(await anonymous(), 'POST', '/api/public/declarations', rawBody(form(), c.extras));
      if (c.extras.length === 0) {
        expect(res.statusCode, `${label}: ${res.body}`).toBe(201);
        expect(Object.keys(res.json()), label).toEqual(['receiptCode', 'message']);
        const added = (await rows()).filter((r) => !before.some((b) => b.id === r.id));
        expect(added, label).toEqual([expect.objectContaining({ village_code: R.village, status: 'needs_registration', household_id: null, case_id: null, closed_reason: null })]);
      } else {
        expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
        expect(await rows(), label).toEqual(before);
      }
    }
    const clerk = await env.as('village_clerk', R.village);
    const fresh = async () => {
      const res = await (await anonymous()).post('/api/public/declarations', form());
      expect(res.statusCode, res.body).toBe(201);
      return (await env.db.pool.query('SELECT id FROM declarations WHERE receipt_code = $1', [res.json().receiptCode])).rows[0].id as string;
    };
    const household = async () => {
      const h = await clerk.post('/api/households', { householdNo: uniqueName('DMA-'), villageCode: R.village, address: '一组', householdType: 'ordinary', assistanceStatus: 'none' });
      expect(h.statusCode, h.body).toBe(201);
      return h.json().household.id as string;
    };
    const writes = [
      { route: 'link', body: async () => ({ householdId: await household() }) },
      { route: 'close', body: async () => ({ reason: '非本村户籍' }) },
      { route: 'unmask', body: async () => ({ reason: '入户核实' }) },
    ];
    for (const w of writes) {
      for (const c of casesFor(['householdId', 'reason'])) {
        const label = `POST /api/declarations/:id/${w.route} + ${c.name}`;
        const id = await fresh();
        const before = await rows();
        const cases = await caseCount();
        const res = await sendRaw(clerk, 'POST', `/api/declarations/${id}/${w.route}`, rawBody(await w.body(), c.extras));
        if (c.extras.length === 0) expect(res.statusCode, `${label}: ${res.body}`).toBe(200);
        else {
          expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
          expect(await rows(), label).toEqual(before);
          expect(await caseCount(), label).toBe(cases);
        }
      }
    }
  });

  it('every write route that takes a body is covered here', () => {
    const covered = new Set([
      'POST /api/users',
      'PATCH /api/users/:id',
      'PUT /api/settings',
      'PUT /api/settings/logic-checks',
      'POST /api/monitoring-lines',
      'POST /api/cases',
      'POST /api/cases/:id/events',
      'POST /api/cases/bulk',
      'PUT /api/settings/cases',
      'PUT /api/settings/warnings',
      // Self-declarations (above).
      'POST /api/public/declarations',
      'POST /api/declarations/:id/link',
      'POST /api/declarations/:id/close',
      'POST /api/declarations/:id/unmask',
      // Department lists (below).
      'POST /api/department/lists',
      'POST /api/department/lists/json',
      'POST /api/department/lists/:id/apply',
      'POST /api/warnings/:id/false-positive',
      'POST /api/auth/password',
      'POST /api/users/:id/reset-password',
      'POST /api/auth/login',
      // The registry (below).
      'POST /api/households',
      'PATCH /api/households/:id',
      'POST /api/households/:id/unmask',
      'POST /api/members',
      'PATCH /api/members/:id',
      'POST /api/members/:id/move',
      'POST /api/income-records',
      'POST /api/imports',
      // Focus ledgers (below).
      'PUT /api/households/:id/focus-plan',
      'POST /api/focus/refresh',
      // Income targets (below).
      'PUT /api/targets/:region/:year',
      'POST /api/targets/import',
      'PUT /api/reports/assessment/rules',
      'POST /api/exchange/imports',
    ]);
    // Writes without a body: extra fields have nowhere to go (checked below by sending them anyway).
    const bodiless = new Set(['POST /api/auth/logout', 'POST /api/users/:id/unlock', 'POST /api/monitoring/evaluate']);
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

// ---------------------------------------------------------------------------------------------------------------
// The registry

/** Set in the registry block's beforeAll: a real household of the same county, the most tempting `householdId`. */
let otherHouseholdId = '';

/** Fields the server alone sets on registry records, as raw JSON text; `householdId` is filled in at run time. */
function registryExtras(): Record<string, string> {
  return {
    id: JSON.stringify(INJECTED_ID),
    countyCode: JSON.stringify('533401'),
    county_code: JSON.stringify('533401'),
    regionCode: JSON.stringify(R.otherCounty),
    region_code: JSON.stringify(R.otherCounty),
    villageCode: JSON.stringify(R.siblingVillage),
    village_code: JSON.stringify(R.siblingVillage),
    householdId: JSON.stringify(otherHouseholdId),
    household_id: JSON.stringify(otherHouseholdId),
    version: '99',
    status: JSON.stringify('valid'),
    monitoringCategory: JSON.stringify('unstable'),
    monitoring_category: JSON.stringify('unstable'),
    latestPerCapitaAnnual: '123456789',
    latest_per_capita_annual: '123456789',
    latestCheckErrors: '0',
    memberCount: '99',
    member_count: '99',
    perCapitaNet: '123456789',
    per_capita_net: '123456789',
    netIncome: '123456789',
    householdSize: '9',
    supersededAt: JSON.stringify('2000-01-01T00:00:00Z'),
    source: JSON.stringify('import:injected'),
    recordedBy: JSON.stringify(INJECTED_ID),
    createdAt: JSON.stringify('2000-01-01T00:00:00Z'),
    updatedAt: JSON.stringify('2000-01-01T00:00:00Z'),
    ['__proto__']: EXTRAS['__proto__']!,
    constructor: EXTRAS['constructor' as string] as unknown as string,
  };
}

function expectRefused(label: string, status: number, body: string, control: boolean) {
  if (control) expect([200, 201], `${label}: ${status} ${body}`).toContain(status);
  else expect(status, `${label}: ${body}`).toBe(400);
  expect(body, `${label}: the reply echoes an injected value`).not.toContain('123456789');
  expect(body, `${label}: the reply echoes an injected value`).not.toContain(INJECTED_ID);
}

async function householdRowById(id: string) {
  return (await env.db.pool.query('SELECT * FROM households WHERE id = $1', [id])).rows[0] as Record<string, unknown> | undefined;
}
async function memberRowById(id: string) {
  return (await env.db.pool.query('SELECT * FROM members WHERE id = $1', [id])).rows[0] as Record<string, unknown> | undefined;
}
async function expectNothingInjected(label: string) {
  const r = await env.db.pool.query(
    `SELECT (SELECT count(*) FROM households WHERE id = $1 OR county_code = '533401' OR monitoring_category IS NOT NULL
               OR latest_per_capita_annual = 123456789 OR member_count = 99)::int AS households,
            (SELECT count(*) FROM members WHERE id = $1 OR county_code = '533401')::int AS members,
            (SELECT count(*) FROM income_records WHERE id = $1 OR recorded_by = $1 OR per_capita_net = 123456789 OR source = 'import:injected')::int AS income,
            (SELECT count(*) FROM import_jobs WHERE id = $1 OR created_by = $1 OR scope <> $2)::int AS jobs`,
    [INJECTED_ID, R.county],
  );
  expect(r.rows[0], `${label}: an injected value was stored`).toEqual({ households: 0, members: 0, income: 0, jobs: 0 });
}

const householdBase = (householdNo: string) => ({ householdNo, villageCode: R.village, address: '二组', householdType: 'poverty_exit', assistanceStatus: 'none', phone: '13812345678' });
const memberBase = (householdId: string, relation = 'son') => ({
  householdId,
  name: `赋值${++counter}`,
  idNumber: idNumber('19900606'),
  relation,
  labourCapacity: 'normal',
  health: 'healthy',
  schooling: 'junior_secondary',
  schoolingStatus: 'not_applicable',
  employmentStatus: 'farming',
});

describe('mass assignment on the registry: fields the server sets are refused (400), never stored', () => {
  let admin: TestClient & { userId: string };
  const newHousehold = async () => {
    const res = await admin.post('/api/households', householdBase(uniqueName('MAH-')));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().household.id as string;
  };
  const newMember = async (householdId: string, relation = 'son') => {
    const res = await admin.post('/api/members', memberBase(householdId, relation));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    admin = await env.as('county_admin', R.county);
    otherHouseholdId = await newHousehold();
    await newMember(otherHouseholdId, 'head');
  });

  it('POST /api/households', async () => {
    const legitimate = ['householdNo', 'villageCode', 'address', 'householdType', 'assistanceStatus', 'relocated', 'phone', 'unsafeHousing', 'unsafeWater', 'schoolDropout', 'uninsuredMember'];
    const pool = registryExtras();
    for (const c of casesFor(legitimate, pool)) {
      const householdNo = uniqueName('MAH-');
      const res = await sendRaw(admin, 'POST', '/api/households', rawBody(householdBase(householdNo), c.extras, pool));
      const label = `POST /api/households + ${c.name}`;
      expectRefused(label, res.statusCode, res.body, c.extras.length === 0);
      const stored = (await env.db.pool.query('SELECT * FROM households WHERE household_no = $1', [householdNo])).rows;
      if (res.statusCode !== 201) {
        expect(stored, `${label}: refused but stored`).toEqual([]);
      } else {
        expect(stored, label).toHaveLength(1);
        expect(stored[0], label).toMatchObject({
          county_code: R.county,
          village_code: R.village,
          household_type: 'poverty_exit',
          monitoring_category: null,
          latest_year: null,
          latest_per_capita_annual: null,
          latest_check_errors: 0,
          member_count: 0,
          version: 1,
        });
        expect(stored[0].id, label).not.toBe(INJECTED_ID);
      }
      await expectNothingInjected(label);
    }
  });

  it('PATCH /api/households/:id', async () => {
    const id = await newHousehold();
    const legitimate = ['version', 'householdNo', 'villageCode', 'address', 'householdType', 'assistanceStatus', 'relocated', 'phone', 'unsafeHousing', 'unsafeWater', 'schoolDropout', 'uninsuredMember'];
    const pool = registryExtras();
    for (const c of casesFor(legitimate, pool)) {
      const before = (await householdRowById(id))!;
      const address = `改址${++counter}`;
      const res = await sendRaw(admin, 'PATCH', `/api/households/${id}`, rawBody({ version: before.version, address }, c.extras, pool));
      const label = `PATCH /api/households/:id + ${c.name}`;
      expectRefused(label, res.statusCode, res.body, c.extras.length === 0);
      const after = (await householdRowById(id))!;
      if (res.statusCode === 200) {
        // Only the address, and the version and time that count the change.
        expect({ ...after, updated_at: null }, label).toEqual({ ...before, address, version: (before.version as number) + 1, updated_at: null });
      } else {
        expect(after, label).toEqual(before);
      }
      await expectNothingInjected(label);
    }
  });

  it('POST /api/members', async () => {
    const householdId = await newHousehold();
    const legitimate = ['householdId', 'name', 'idNumber', 'sex', 'birthDate', 'relation', 'labourCapacity', 'health', 'disabilityGrade', 'schooling', 'schoolingStatus', 'employmentStatus', 'employmentPlace', 'skills'];
    const pool = registryExtras();
    for (const c of casesFor(legitimate, pool)) {
      const body = memberBase(householdId);
      const countBefore = (await householdRowById(householdId))!.member_count as number;
      const res = await sendRaw(admin, 'POST', '/api/members', rawBody(body, c.extras, pool));
      const label = `POST /api/members + ${c.name}`;
      expectRefused(label, res.statusCode, res.body, c.extras.length === 0);
      const stored = (await env.db.pool.query('SELECT * FROM members WHERE id_number = $1', [body.idNumber])).rows;
      const countAfter = (await householdRowById(householdId))!.member_count as number;
      if (res.statusCode !== 201) {
        expect(stored, `${label}: refused but stored`).toEqual([]);
        expect(countAfter, label).toBe(countBefore);
      } else {
        expect(stored, label).toHaveLength(1);
        expect(stored[0], label).toMatchObject({ county_code: R.county, household_id: householdId, name: body.name, relation: 'son', version: 1 });
        expect(stored[0].id, label).not.toBe(INJECTED_ID);
        expect(countAfter, label).toBe(countBefore + 1);
      }
      await expectNothingInjected(label);
    }
  });

  it('PATCH /api/members/:id (a member cannot change household through an edit)', async () => {
    const householdId = await newHousehold();
    await newMember(householdId, 'head');
    const id = await newMember(householdId);
    const legitimate = ['version', 'name', 'idNumber', 'sex', 'birthDate', 'relation', 'labourCapacity', 'health', 'disabilityGrade', 'schooling', 'schoolingStatus', 'employmentStatus', 'employmentPlace', 'skills'];
    const pool = registryExtras();
    for (const c of casesFor(legitimate, pool)) {
      const before = (await memberRowById(id))!;
      const name = `改名${++counter}`;
      const res = await sendRaw(admin, 'PATCH', `/api/members/${id}`, rawBody({ version: before.version, name }, c.extras, pool));
      const label = `PATCH /api/members/:id + ${c.name}`;
      expectRefused(label, res.statusCode, res.body, c.extras.length === 0);
      const after = (await memberRowById(id))!;
      if (res.statusCode === 200) {
        expect({ ...after, updated_at: null }, label).toEqual({ ...before, name, version: (before.version as number) + 1, updated_at: null });
      } else {
        expect(after, label).toEqual(before);
      }
      expect(after.household_id, label).toBe(householdId);
      await expectNothingInjected(label);
    }
    const counts = await env.db.pool.query('SELECT id, member_count FROM households WHERE id = ANY($1::uuid[]) ORDER BY id', [[householdId, otherHouseholdId]]);
    expect(Object.fromEntries(counts.rows.map((r) => [r.id, r.member_count]))).toEqual({ [householdId]: 2, [otherHouseholdId]: 1 });
  });

  it('POST /api/members/:id/move', async () => {
    const home = await newHousehold();
    const away = await newHousehold();
    await newMember(home, 'head');
    const id = await newMember(home);
    const legitimate = ['toHouseholdId', 'version', 'reason'];
    const pool = registryExtras();
    for (const c of casesFor(legitimate, pool)) {
      const before = (await memberRowById(id))!;
      const movesBefore = (await env.db.pool.query('SELECT * FROM member_moves WHERE member_id = $1 ORDER BY moved_at', [id])).rows;
      const to = before.household_id === home ? away : home;
      const res = await sendRaw(admin, 'POST', `/api/members/${id}/move`, rawBody({ toHouseholdId: to, version: before.version, reason: '投靠子女' }, c.extras, pool));
      const label = `POST /api/members/:id/move + ${c.name}`;
      expectRefused(label, res.statusCode, res.body, c.extras.length === 0);
      const after = (await memberRowById(id))!;
      const movesAfter = (await env.db.pool.query('SELECT * FROM member_moves WHERE member_id = $1 ORDER BY moved_at', [id])).rows;
      if (res.statusCode === 200) {
        expect({ ...after, updated_at: null }, label).toEqual({ ...before, household_id: to, relation: 'other', version: (before.version as number) + 1, updated_at: null });
        expect(movesAfter, label).toHaveLength(movesBefore.length + 1);
        expect(movesAfter.at(-1), label).toMatchObject({ county_code: R.county, member_id: id, from_household_id: before.household_id, to_household_id: to, reason: '投靠子女', moved_by: admin.userId });
      } else {
        expect(after, label).toEqual(before);
        expect(movesAfter, label).toEqual(movesBefore);
      }
      await expectNothingInjected(label);
    }
    const counts = await env.db.pool.query('SELECT id, member_count FROM households WHERE id = ANY($1::uuid[])', [[home, away, otherHouseholdId]]);
    const where = (await memberRowById(id))!.household_id;
    expect(Object.fromEntries(counts.rows.map((r) => [r.id, r.member_count]))).toEqual({ [home]: where === home ? 2 : 1, [away]: where === away ? 1 : 0, [otherHouseholdId]: 1 });
  });

  it('POST /api/income-records (extra fields at the top level and inside `items`)', async () => {
    const householdId = await newHousehold();
    await newMember(householdId, 'head');
    await newMember(householdId);
    const pool = registryExtras();
    const legitimate = ['householdId', 'year', 'quarter', 'items', 'remark'];
    // Inside `items` only sub-item names are legitimate: totals, net and per-capita are computed by the server.
    const itemKeys = ['wageOther', 'businessPlanting', 'costPlanting'];
    const itemExtras: Record<string, string> = {
      wage: '123456789', net: '123456789', perCapitaNet: '123456789', householdSize: '9', gross: '123456789', status: JSON.stringify('valid'),
      ['__proto__']: EXTRAS['__proto__']!,
    };
    let quarter = 0;
    for (const where of ['top level', 'inside items'] as const) {
      for (const c of where === 'top level' ? casesFor(legitimate, pool) : casesFor(itemKeys, itemExtras)) {
        const before = (await env.db.pool.query('SELECT id, superseded_at FROM income_records WHERE household_id = $1 ORDER BY id', [householdId])).rows;
        const year = 2020 + (quarter % 5);
        const q = (quarter++ % 4) + 1;
        const items = { wageOther: String(8000 * q), businessPlanting: String(2000 * q), costPlanting: String(500 * q) };
        const json =
          where === 'top level'
            ? rawBody({ householdId, year, quarter: q, items }, c.extras, pool)
            : rawBody({ householdId, year, quarter: q }, []).replace(/}$/, `,"items":${rawBody(items, c.extras, itemExtras)}}`);
        const res = await sendRaw(admin, 'POST', '/api/income-records', json);
        const label = `POST /api/income-records + ${c.name} (${where})`;
        expectRefused(label, res.statusCode, res.body, c.extras.length === 0);
        const after = (await env.db.pool.query('SELECT * FROM income_records WHERE household_id = $1 ORDER BY id', [householdId])).rows;
        if (res.statusCode === 201) {
          const added = after.filter((r) => !before.some((b) => b.id === r.id));
          expect(added, label).toHaveLength(1);
          // 2 people; net = 8,000q + 2,000q − 500q yuan = 950,000q fen → 475,000q fen each.
          expect(added[0], label).toMatchObject({
            county_code: R.county,
            household_id: householdId,
            year,
            quarter: q,
            household_size: 2,
            net_income: 950_000 * q,
            per_capita_net: 475_000 * q,
            superseded_at: null,
            source: 'form',
            recorded_by: admin.userId,
          });
          expect(added[0].id, label).not.toBe(INJECTED_ID);
        } else {
          expect(after.map((r) => ({ id: r.id, superseded_at: r.superseded_at })), label).toEqual(before);
        }
        await expectNothingInjected(label);
      }
    }
  });

  it('POST /api/households/:id/unmask (the audit row holds only what the server writes)', async () => {
    const householdId = await newHousehold();
    await newMember(householdId, 'head');
    const pool = registryExtras();
    const unmaskRows = async () =>
      (await env.db.pool.query(`SELECT seq, user_id, username, region_code, entity, entity_id, detail FROM audit_log WHERE action = 'personal.unmask' AND entity_id = $1 ORDER BY seq`, [householdId])).rows;
    for (const c of casesFor(['reason'], pool)) {
      const before = await unmaskRows();
      const res = await sendRaw(admin, 'POST', `/api/households/${householdId}/unmask`, rawBody({ reason: '核对低保名单' }, c.extras, pool));
      const label = `POST /api/households/:id/unmask + ${c.name}`;
      expectRefused(label, res.statusCode, res.body, c.extras.length === 0);
      const after = await unmaskRows();
      if (res.statusCode === 200) {
        expect(after, label).toHaveLength(before.length + 1);
        expect(after.at(-1), label).toMatchObject({
          user_id: admin.userId,
          region_code: R.village,
          entity: 'household',
          entity_id: householdId,
          detail: { reason: '核对低保名单', fields: ['idNumber', 'phone'], members: 1 },
        });
        expect(Object.keys(after.at(-1).detail).sort(), label).toEqual(['fields', 'members', 'reason']);
      } else {
        expect(after, `${label}: a refused unmask was recorded as one`).toEqual(before);
      }
      await expectNothingInjected(label);
    }
  });

  it('department lists: the JSON upload, apply and false-positive refuse every extra field (400); the multipart upload ignores extra form fields', async () => {
    const dept = await env.as('department', R.county);
    const clerk = await env.as('village_clerk', R.village);
    const lists = async () => (await env.db.pool.query('SELECT id, county_code, scope_code, uploaded_by, status, list_type, warnings_opened FROM department_lists ORDER BY id')).rows;
    const json = () => ({ listType: 'housing', dryRun: true, rows: [{ name: '和', idNumber: idNumber('19700101'), grade: 'D级' }] });
    for (const c of casesFor(['listType', 'rows', 'dryRun'])) {
      const label = `POST /api/department/lists/json + ${c.name}`;
      const before = await lists();
      const res = await sendRaw(dept, 'POST', '/api/department/lists/json', rawBody(json(), c.extras));
      if (c.extras.length === 0) {
        expect(res.statusCode, `${label}: ${res.body}`).toBe(201);
        const added = (await lists()).filter((r) => !before.some((b) => b.id === r.id));
        expect(added, label).toEqual([expect.objectContaining({ county_code: R.county, scope_code: R.county, uploaded_by: dept.userId, status: 'dry_run', list_type: 'housing' })]);
      } else {
        expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
        expect(await lists(), label).toEqual(before);
      }
    }
    for (const c of casesFor([])) {
      const label = `POST /api/department/lists/:id/apply + ${c.name}`;
      const created = await dept.post('/api/department/lists/json', json());
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().list.id as string;
      const before = await lists();
      const res = await sendRaw(dept, 'POST', `/api/department/lists/${id}/apply`, rawBody({}, c.extras));
      if (c.extras.length === 0) expect(res.statusCode, `${label}: ${res.body}`).toBe(200);
      else {
        expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
        expect(await lists(), label).toEqual(before);
      }
    }
    const h = await clerk.post('/api/households', { householdNo: uniqueName('DLMA-'), villageCode: R.village, address: '一组', householdType: 'ordinary', assistanceStatus: 'none' });
    expect(h.statusCode, h.body).toBe(201);
    const warnings = async () => (await env.db.pool.query("SELECT id, status, close_reason, false_positive_reason, false_positive_by FROM warnings WHERE source LIKE 'department:%' ORDER BY id")).rows;
    for (const c of casesFor(['reason'])) {
      const label = `POST /api/warnings/:id/false-positive + ${c.name}`;
      const w = await env.db.pool.query(
        `INSERT INTO warnings (county_code, household_id, village_code, rule_id, rule_version, source, status, title, explanation, score, facts, opened_at, due_at, updated_at)
         SELECT county_code, id, village_code, $2, '2026.1', 'department:housing', 'open', '住房被鉴定为危房', '测试', 30, '{}'::jsonb, now(), now(), now()
         FROM households WHERE id = $1 RETURNING id`,
        [h.json().household.id, `department:housing:${uniqueName('ma')}`],
      );
      const before = await warnings();
      const res = await sendRaw(clerk, 'POST', `/api/warnings/${w.rows[0].id}/false-positive`, rawBody({ reason: '核实后情况不符' }, c.extras));
      if (c.extras.length === 0) {
        expect(res.statusCode, `${label}: ${res.body}`).toBe(200);
        expect((await warnings()).find((x) => x.id === w.rows[0].id), label).toEqual({ id: w.rows[0].id, status: 'closed', close_reason: '误报：核实后情况不符', false_positive_reason: '核实后情况不符', false_positive_by: clerk.userId });
      } else {
        expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
        expect(await warnings(), label).toEqual(before);
      }
    }
    // Multipart: form fields other than listType and dryRun are ignored; the list belongs to the uploader's scope.
    const formExtras: Record<string, string> = { scope: R.otherCounty, scopeCode: R.otherCounty, regionCode: R.otherCounty, uploadedBy: INJECTED_ID, id: INJECTED_ID, status: 'applied' };
    for (const k of [...Object.keys(formExtras), 'all']) {
      const extras = k === 'all' ? Object.keys(formExtras) : [k];
      const csv = Buffer.from(`姓名,身份证号,危房等级\n和,${idNumber('19700101')},D级\n`);
      const fields: [string, string][] = [['listType', 'housing'], ['dryRun', 'true'], ...extras.map((e): [string, string] => [e, formExtras[e]!])];
      const { body, headers } = multipartBody(fields, { name: 'housing.csv', type: 'text/csv', content: csv });
      const res = await dept.request('POST', '/api/department/lists', body, headers);
      expect(res.statusCode, `multipart + ${k}: ${res.body}`).toBe(201);
      const stored = (await env.db.pool.query('SELECT id, scope_code, uploaded_by, status FROM department_lists WHERE id = $1', [res.json().list.id])).rows[0];
      expect(stored, `multipart + ${k}`).toEqual({ id: res.json().list.id, scope_code: R.county, uploaded_by: dept.userId, status: 'dry_run' });
    }
  });

  it('POST /api/imports (multipart): extra form fields are ignored; the job and its rows stay in the uploader scope', async () => {
    const importer = await env.as('village_clerk', R.county);
    // The route returns once the import has started; keep hold of each run to wait for its end.
    const imports = env.services.imports;
    const runs: Promise<unknown>[] = [];
    const importFile = imports.importFile.bind(imports);
    imports.importFile = (...args) => {
      const run = importFile(...args);
      runs.push(run);
      return run;
    };
    try {
      const formExtras: Record<string, string> = {
        scope: R.otherCounty,
        regionCode: R.otherCounty,
        villageCode: R.otherCountyVillage,
        userId: INJECTED_ID,
        createdBy: INJECTED_ID,
        id: INJECTED_ID,
        status: 'succeeded',
        ['__proto__']: '{"polluted":"yes"}',
        constructor: 'polluted',
      };
      const cases = [
        { name: 'no extra field (control)', extras: [] as string[] },
        ...Object.keys(formExtras).map((k) => ({ name: k, extras: [k] })),
        { name: 'all plain fields at once', extras: Object.keys(formExtras).filter((k) => !PROTOTYPE_KEYS.includes(k)).slice(0, 8) },
      ];
      for (const c of cases) {
        const householdNo = `MAI-${++counter}-${randomUUID().slice(0, 6)}`; // the import allows letters, digits and '-'
        const csv = readFileSync(writeCsv(HOUSEHOLD_HEADERS, [householdRow(householdNo, R.village)]));
        const fields: [string, string][] = [['mode', 'all-or-nothing'], ['dryRun', 'false'], ...c.extras.map((k): [string, string] => [k, formExtras[k]!])];
        const { body, headers } = multipartBody(fields, { name: 'households.csv', type: 'text/csv', content: csv });
        const jobsBefore = (await env.db.pool.query('SELECT count(*)::int AS n FROM import_jobs')).rows[0].n as number;
        const res = await importer.request('POST', '/api/imports', body, headers);
        await Promise.allSettled(runs.splice(0));
        const label = `POST /api/imports + ${c.name}`;
        const stored = (await env.db.pool.query('SELECT county_code, village_code FROM households WHERE household_no = $1', [householdNo])).rows;
        if (res.statusCode === 400) {
          // Refusing is allowed only for a prototype key as a field name; then nothing may have started.
          expect(c.extras.some((k) => PROTOTYPE_KEYS.includes(k)), `${label}: ${res.body}`).toBe(true);
          expect((await env.db.pool.query('SELECT count(*)::int AS n FROM import_jobs')).rows[0].n, label).toBe(jobsBefore);
          expect(stored, label).toEqual([]);
        } else {
          expect(res.statusCode, `${label}: ${res.body}`).toBe(202);
          const jobId = res.json().jobId as string;
          const job = (await env.db.pool.query('SELECT id, scope, created_by, status, dry_run, mode FROM import_jobs WHERE id = $1', [jobId])).rows[0];
          expect(job, label).toEqual({ id: jobId, scope: R.county, created_by: importer.userId, status: 'succeeded', dry_run: false, mode: 'all-or-nothing' });
          expect(stored, label).toEqual([{ county_code: R.county, village_code: R.village }]);
        }
        await expectNothingInjected(label);
      }
    } finally {
      imports.importFile = importFile;
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Focus ledgers (重点群体台账): the plan's status, household, groups and history are the server's.

describe('mass assignment on focus plans: fields the server sets are refused (400), never stored', () => {
  let admin: TestClient & { userId: string };
  let householdId = '';
  let decoyId = '';
  const planState = async () => ({
    plans: (await env.db.pool.query(`SELECT county_code, id, household_id, status, ledger_groups, cadre_name, target_per_capita_fen, measures, version, created_by
                                      FROM focus_plans WHERE household_id = ANY($1::uuid[]) OR id = $2 ORDER BY id`, [[householdId, decoyId], INJECTED_ID])).rows,
    revisions: (await env.db.pool.query(`SELECT count(*)::int AS n FROM focus_plan_revisions WHERE household_id = ANY($1::uuid[])`, [[householdId, decoyId]])).rows[0].n as number,
    events: (await env.db.pool.query(`SELECT count(*)::int AS n FROM focus_plan_status_events WHERE household_id = ANY($1::uuid[])`, [[householdId, decoyId]])).rows[0].n as number,
  });
  const focusExtras = (): Record<string, string> => ({
    ...registryExtras(),
    householdId: JSON.stringify(decoyId),
    household_id: JSON.stringify(decoyId),
    status: JSON.stringify('closed_out'),
    statusChangedAt: JSON.stringify('2000-01-01T00:00:00Z'),
    ledgerGroups: JSON.stringify(['income_fell']),
    ledger_groups: JSON.stringify(['income_fell']),
    createdBy: JSON.stringify(INJECTED_ID),
    revisions: JSON.stringify([{ version: 1 }]),
    check: JSON.stringify({ met: true }),
  });

  beforeAll(async () => {
    admin = await env.as('county_admin', R.county);
    for (const which of ['plan', 'decoy'] as const) {
      const res = await admin.post('/api/households', householdBase(uniqueName('MAF-')));
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().household.id as string;
      const m = await admin.post('/api/members', memberBase(id, 'head'));
      expect(m.statusCode, m.body).toBe(201);
      const inc = await admin.post('/api/income-records', { householdId: id, year: 2025, quarter: 4, items: { wageOther: '8000' } });
      expect(inc.statusCode, inc.body).toBe(201);
      if (which === 'plan') householdId = id;
      else decoyId = id;
    }
  });

  it('PUT /api/households/:id/focus-plan (extra fields at the top level, in partTargetsFen and in a measure)', async () => {
    const pool = focusExtras();
    const legitimate = ['version', 'cadreName', 'cadrePhone', 'targetYear', 'targetPerCapitaFen', 'partTargetsFen', 'measures', 'progressNote'];
    const partExtras: Record<string, string> = { cost: '100', net: '123456789', total: '123456789', ['__proto__']: EXTRAS['__proto__']! };
    const measureExtras: Record<string, string> = { id: JSON.stringify(INJECTED_ID), status: JSON.stringify('done'), ['__proto__']: EXTRAS['__proto__']! };
    const runs = [
      ...casesFor(legitimate, pool).map((c) => ({ ...c, where: 'top level' as const })),
      ...casesFor(['wage'], partExtras).map((c) => ({ ...c, where: 'in partTargetsFen' as const })),
      ...casesFor(['text', 'category'], measureExtras).map((c) => ({ ...c, where: 'in a measure' as const })),
    ];
    for (const c of runs) {
      const before = await planState();
      const version = (before.plans.find((p) => p.household_id === householdId)?.version as number | undefined) ?? 0;
      const cadreName = `包保${++counter}`;
      const base = { version, cadreName, targetYear: 2030, targetPerCapitaFen: 1_200_000 };
      const parts = rawBody({ wage: 600_000 }, c.where === 'in partTargetsFen' ? c.extras : [], partExtras);
      const measure = rawBody({ text: '务工就业', category: 'employment' }, c.where === 'in a measure' ? c.extras : [], measureExtras);
      const json = rawBody(base, c.where === 'top level' ? c.extras : [], pool).replace(/}$/, `,"partTargetsFen":${parts},"measures":[${measure}]}`);
      const res = await sendRaw(admin, 'PUT', `/api/households/${householdId}/focus-plan`, json);
      const label = `PUT /api/households/:id/focus-plan + ${c.name} (${c.where})`;
      expectRefused(label, res.statusCode, res.body, c.extras.length === 0);
      const after = await planState();
      if (res.statusCode === 200 || res.statusCode === 201) {
        // Exactly one plan, on this household, open (8,000 yuan is short of 12,000), on the low-income ledger.
        expect(after.plans, label).toEqual([
          expect.objectContaining({ county_code: R.county, household_id: householdId, status: 'open', ledger_groups: ['low_income'], cadre_name: cadreName, target_per_capita_fen: 1_200_000, measures: [{ text: '务工就业', category: 'employment' }], version: version + 1, created_by: admin.userId }),
        ]);
        expect(after.plans[0].id, label).not.toBe(INJECTED_ID);
        expect(after.revisions, label).toBe(before.revisions + 1);
      } else {
        expect(after, label).toEqual(before);
      }
      await expectNothingInjected(label);
    }
  });

  it('POST /api/focus/refresh takes an empty body only: extra fields are refused and change nothing', async () => {
    const control = await sendRaw(admin, 'POST', '/api/focus/refresh', '{}');
    expect(control.statusCode, control.body).toBe(200);
    expect(control.json()).toEqual({ scope: R.county, closedOut: 0, reopened: 0 });
    for (const extras of [...Object.keys(EXTRAS).map((k) => [k]), Object.keys(EXTRAS), PLAIN_EXTRAS]) {
      const before = await planState();
      const res = await sendRaw(admin, 'POST', '/api/focus/refresh', rawBody({}, extras));
      expect(res.statusCode, `refresh + ${extras.join(',')}: ${res.body}`).toBe(400);
      expect(await planState(), extras.join(',')).toEqual(before);
    }
  });
});

describe('mass assignment on income targets: region and year come from the path, anything extra is refused (400)', () => {
  let admin: TestClient;
  beforeAll(async () => {
    admin = await env.as('county_admin', R.county);
  });
  const targetRows = async () =>
    (await env.db.pool.query(`SELECT region_code, year, version, per_capita_fen, wage_fen, superseded_at IS NULL AS current FROM income_targets ORDER BY id`)).rows;
  const base = (version: number, perCapitaNetFen: number) => ({
    version,
    perCapitaNetFen,
    partsFen: { wage: perCapitaNetFen / 2, business: perCapitaNetFen / 4, property: perCapitaNetFen / 20, transfer: perCapitaNetFen / 5 },
    growthRate: 0.1,
    source: '矩阵测试',
  });

  it('PUT /api/targets/:region/:year', async () => {
    const extras = { ...EXTRAS, year: '2099', regionCode: JSON.stringify(R.otherCounty), isBase: 'true', setBy: JSON.stringify(INJECTED_ID) };
    const control = await sendRaw(admin, 'PUT', `/api/targets/${R.county}/2031`, rawBody(base(0, 3_000_000), []));
    expect(control.statusCode, control.body).toBe(201);
    for (const c of casesFor(['version'], extras).filter((x) => x.extras.length > 0)) {
      const before = await targetRows();
      // A changed figure, so an accepted save would show as a new version.
      const res = await sendRaw(admin, 'PUT', `/api/targets/${R.county}/2031`, rawBody(base(1, 3_200_000), c.extras, extras));
      expect(res.statusCode, `${c.name}: ${res.body}`).toBe(400);
      expect(await targetRows(), c.name).toEqual(before);
    }
    const inParts = await sendRaw(admin, 'PUT', `/api/targets/${R.county}/2031`, JSON.stringify({ ...base(1, 3_200_000), partsFen: { ...base(1, 3_200_000).partsFen, other: 5 } }));
    expect(inParts.statusCode, inParts.body).toBe(400);
    expect((await targetRows()).filter((r) => r.year === 2099 || r.region_code === R.otherCounty)).toEqual([]);
  });

  it('POST /api/targets/import: extra form fields are ignored; nothing outside the importer\'s scope is stored', async () => {
    const template = await admin.get('/api/targets/template');
    expect(template.statusCode).toBe(200);
    const before = await targetRows();
    const { body, headers } = multipartBody(
      [['dryRun', 'false'], ['regionCode', R.otherCounty], ['status', 'applied'], ['__proto__', '{"polluted":"yes"}']],
      { name: 'targets.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: template.rawPayload },
    );
    const res = await admin.request('POST', '/api/targets/import', body, headers);
    expect([200, 400], res.body).toContain(res.statusCode);
    expect(await targetRows()).toEqual(before);
  });
});

describe('mass assignment on the assessment rules: the body is strict, anything extra is refused (400)', () => {
  it('PUT /api/reports/assessment/rules', async () => {
    const admin = await env.as('county_admin', R.county);
    const stored = async () => (await env.db.pool.query(`SELECT value, version FROM settings WHERE key = 'assessment'`)).rows;
    const version = async () => ((await stored())[0]?.version as number | undefined) ?? 0;
    const rules = { baseScore: 100, rules: [] };
    const control = await sendRaw(admin, 'PUT', '/api/reports/assessment/rules', JSON.stringify({ version: await version(), region: R.county, rules }));
    expect(control.statusCode, control.body).toBe(200);
    for (const c of casesFor(['version']).filter((x) => x.extras.length > 0)) {
      const before = await stored();
      const res = await sendRaw(admin, 'PUT', '/api/reports/assessment/rules', rawBody({ version: await version(), region: R.county, rules: null }, c.extras));
      expect(res.statusCode, `${c.name}: ${res.body}`).toBe(400);
      expect(await stored(), c.name).toEqual(before);
    }
  });
});

describe('mass assignment on the national-format import: extra form fields are ignored, the job is the uploader\'s', () => {
  it('POST /api/exchange/imports', async () => {
    const admin = await env.as('county_admin', R.county);
    const file = await admin.get(`/api/exchange/national.xlsx?region=${R.county}`);
    expect(file.statusCode).toBe(200);
    const clerk = await env.as('village_clerk', R.village);
    const { body, headers } = multipartBody(
      [['dryRun', 'true'], ['scope', R.otherCounty], ['regionCode', R.otherCounty], ['userId', INJECTED_ID], ['status', 'succeeded'], ['__proto__', '{"polluted":"yes"}']],
      { name: 'national.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: file.rawPayload },
    );
    const res = await clerk.request('POST', '/api/exchange/imports', body, headers);
    expect(res.statusCode, res.body).toBe(202);
    const jobId = res.json().jobId as string;
    let job: { scope: string; created_by: string | null; dry_run: boolean; status: string } | undefined;
    for (let i = 0; i < 200; i++) {
      job = (await env.db.pool.query('SELECT * FROM import_jobs WHERE id = $1', [jobId])).rows[0];
      if (job && !['queued', 'running'].includes(job.status)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job).toMatchObject({ dry_run: true, scope: R.village, created_by: clerk.userId });
    expect(Object.values(job!)).not.toContain(R.otherCounty);
    expect(Object.values(job!)).not.toContain(INJECTED_ID);
  });
});

/** A multipart/form-data body built by hand: the text fields first (the server reads them with the file), then the file. */
function multipartBody(fields: [string, string][], file: { name: string; type: string; content: Buffer }) {
  const boundary = `----zs-mass-${randomUUID()}`;
  const head = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
  const body = Buffer.concat([
    Buffer.from(`${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
