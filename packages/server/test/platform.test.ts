import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEnv, type TestEnv, DB_KIND, R } from './harness.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { ManualClock } from '../src/platform/clock.ts';
import { MissingPermissionError } from '../src/platform/http/route-registry.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => env?.close());

describe('platform', () => {
  it('health names the database back end', async () => {
    const res = await env.client().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: DB_KIND === 'pglite' ? 'pglite' : 'postgresql' });
  });

  it('serves the OpenAPI document listing the API routes, and the docs page', async () => {
    const doc = (await env.client().get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/regions/children']));
    const page = await env.client().get('/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });

  it('refuses to start when an API route declares no permission', async () => {
    await expect(
      buildApp({
        db: env.db,
        clock: new ManualClock(new Date()),
        config: loadConfig({}),
        extraRoutes: async (app) => {
          app.get('/api/forgotten', async () => ({ secret: true }));
        },
      }),
    ).rejects.toBeInstanceOf(MissingPermissionError);
  });

  it('sends security headers on API replies, errors and pages', async () => {
    for (const url of ['/api/health', '/api/users', '/api/nope', '/']) {
      const res = await env.client().get(url);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(res.headers['x-frame-options'], url).toBeDefined();
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
    }
  });

  it('answers unknown API paths with a JSON 404 in Chinese', async () => {
    const res = await env.client().get('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/不存在/);
  });

  it('does not let a GET change state: state-changing routes have no GET form', async () => {
    const admin = await env.as('security_admin', R.county);
    for (const url of ['/api/auth/logout', '/api/auth/login', '/api/users/00000000-0000-0000-0000-000000000000/unlock']) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(404);
    }
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200); // still signed in: the GET did not log out
  });

  it('parses int8, numeric and date the same way on every back end', async () => {
    const r = await env.db.pool.query(`SELECT 9007199254740991::int8 AS big, 12.5::numeric AS num, '2024-02-29'::date AS d, count(*) AS n FROM (VALUES (1)) v(x)`);
    expect(r.rows[0]).toEqual({ big: 9007199254740991, num: 12.5, d: '2024-02-29', n: 1 });
    const beyond = await env.db.pool.query(`SELECT 9007199254740993::int8 AS big`);
    expect(beyond.rows[0].big).toBe(9007199254740993n);
  });

  it('keeps the event loop free while the database works on a long query', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    await env.db.pool.query('SELECT count(*) FROM generate_series(1, 3000000)');
    clearInterval(timer);
    // On PGlite the query runs in a worker thread; were it on this thread no timer could fire until it ended.
    expect(ticks).toBeGreaterThan(0);
  });
});
