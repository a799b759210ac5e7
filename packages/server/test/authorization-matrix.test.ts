/**
 * Reliability test #2 (quality.md): every role × every API route × record position.
 *
 * The expectation table below is written by hand from the duties of each role (who may do what), NOT derived from
 * the server's permission map: a test that copied the implementation could never fail. Every route the app
 * registers must appear in the table, and every entry in the table must still be a registered route, so a new
 * endpoint cannot slip past this matrix.
 *
 * Positions (relative to the caller's region scope): own (the scope region itself), child (a region inside it),
 * sibling, parent, other-county (all three outside the scope) and missing (a record that does not exist). Outside
 * the scope a record must be indistinguishable from a missing one: the same 404 status and the same body.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_SETTINGS, ROLES, type Role } from '@zengshou/core';
import { startTestEnv, type TestClient, type TestEnv, R, TEST_PASSWORD } from './harness.ts';

type Principal = Role | 'anonymous';
type Position = 'none' | 'own' | 'child' | 'sibling' | 'parent' | 'otherCounty' | 'missing';
/** What kind of record a route addresses: a user by `:id`, a region by `:code`, or a region by `?parent=`. */
type Target = 'user' | 'region' | 'regionParent';

interface RoutePolicy {
  /** 'public': anyone, signed in or not; 'authenticated': any signed-in user; otherwise exactly these roles. */
  allow: 'public' | 'authenticated' | readonly Role[];
  target?: Target;
}

/** Every signed-in role, written out: a role added to the product must be reviewed against this table. */
const EVERY_ROLE: readonly Role[] = [
  'village_clerk',
  'township_reviewer',
  'county_admin',
  'viewer',
  'department',
  'system_admin',
  'security_admin',
  'audit_admin',
];

const EXPECTED: Record<string, RoutePolicy> = {
  // Platform plumbing anyone may reach (the login page needs the CSRF token before anyone is signed in).
  'GET /api/health': { allow: 'public' },
  'GET /api/openapi.json': { allow: 'public' },
  'GET /api/auth/csrf': { allow: 'public' },
  'POST /api/auth/login': { allow: 'public' },
  // Self-service: every signed-in user, whatever the role.
  'POST /api/auth/logout': { allow: 'authenticated' },
  'GET /api/auth/me': { allow: 'authenticated' },
  'POST /api/auth/password': { allow: 'authenticated' },
  // Region tree: every role needs it to navigate, always inside its own scope.
  'GET /api/regions/children': { allow: EVERY_ROLE, target: 'regionParent' },
  'GET /api/regions/:code': { allow: EVERY_ROLE, target: 'region' },
  // Accounts: only the security administrator (安全管理员).
  'GET /api/users': { allow: ['security_admin'] },
  'POST /api/users': { allow: ['security_admin'] },
  'PATCH /api/users/:id': { allow: ['security_admin'], target: 'user' },
  'POST /api/users/:id/unlock': { allow: ['security_admin'], target: 'user' },
  'POST /api/users/:id/reset-password': { allow: ['security_admin'], target: 'user' },
  // Platform settings: only the system administrator (系统管理员).
  'GET /api/settings': { allow: ['system_admin'] },
  'PUT /api/settings': { allow: ['system_admin'] },
  // The audit trail: only the audit administrator (审计管理员).
  'GET /api/audit': { allow: ['audit_admin'] },
  'GET /api/audit/verify': { allow: ['audit_admin'] },
};

/** A caller scope and, relative to it, the region of a record at each position. */
interface ScopeCase {
  name: string;
  scope: string;
  regionAt: Record<Exclude<Position, 'none' | 'missing'>, string>;
  /** A well-formed region code inside the scope that does not exist. */
  missingCode: string;
}

const OTHER_COUNTY_TOWNSHIP = '533401101'; // 香格里拉市 建塘镇
const SIBLING_COUNTY = '533422'; // 德钦县

const SCOPES: ScopeCase[] = [
  {
    name: `township ${R.township}`,
    scope: R.township,
    regionAt: { own: R.township, child: R.village, sibling: R.siblingTownship, parent: R.county, otherCounty: OTHER_COUNTY_TOWNSHIP },
    missingCode: `${R.township}999`,
  },
  {
    name: `county ${R.county}`,
    scope: R.county,
    regionAt: { own: R.county, child: R.township, sibling: SIBLING_COUNTY, parent: R.city, otherCounty: OTHER_COUNTY_TOWNSHIP },
    missingCode: `${R.county}999`,
  },
];

const IN_SCOPE: ReadonlySet<Position> = new Set(['none', 'own', 'child']);
const RECORD_POSITIONS: Position[] = ['own', 'child', 'sibling', 'parent', 'otherCounty', 'missing'];

/** Everything a request recipe may need. */
interface CallContext {
  principal: Principal;
  scopeCase: ScopeCase;
  position: Position;
  /** The user name of the calling client (for anonymous: an existing account, so login is a valid request). */
  username: string;
  /** For user routes: the id of the user at this position; for region routes: the code at this position. */
  record: string | null;
}

interface Recipe {
  /** The call changes the caller's own session (login, logout, password): it runs on a throwaway session. */
  ownSession?: boolean;
  build(ctx: CallContext): Promise<{ method: string; url: string; body?: unknown }> | { method: string; url: string; body?: unknown };
}

let env: TestEnv;
let seq = 0;
const unique = (prefix: string) => `${prefix}${++seq}_${randomUUID().slice(0, 6)}`;

async function userVersion(id: string): Promise<number> {
  const r = await env.db.pool.query('SELECT version FROM users WHERE id = $1', [id]);
  return r.rows[0]?.version ?? 1;
}

/** How to make a plausible, valid call of each route. */
const REQUESTS: Record<string, Recipe> = {
  'GET /api/health': { build: () => ({ method: 'GET', url: '/api/health' }) },
  'GET /api/openapi.json': { build: () => ({ method: 'GET', url: '/api/openapi.json' }) },
  'GET /api/auth/csrf': { build: () => ({ method: 'GET', url: '/api/auth/csrf' }) },
  'POST /api/auth/login': {
    ownSession: true,
    build: (c) => ({ method: 'POST', url: '/api/auth/login', body: { username: c.username, password: TEST_PASSWORD } }),
  },
  'POST /api/auth/logout': { ownSession: true, build: () => ({ method: 'POST', url: '/api/auth/logout', body: {} }) },
  'GET /api/auth/me': { build: () => ({ method: 'GET', url: '/api/auth/me' }) },
  'POST /api/auth/password': {
    ownSession: true,
    build: () => ({ method: 'POST', url: '/api/auth/password', body: { oldPassword: TEST_PASSWORD, newPassword: 'Changed-Passw0rd-2026' } }),
  },
  'GET /api/regions/children': {
    build: (c) => ({ method: 'GET', url: c.record === null ? '/api/regions/children' : `/api/regions/children?parent=${c.record}` }),
  },
  'GET /api/regions/:code': { build: (c) => ({ method: 'GET', url: `/api/regions/${c.record}` }) },
  'GET /api/users': { build: () => ({ method: 'GET', url: '/api/users' }) },
  'POST /api/users': {
    build: (c) => ({
      method: 'POST',
      url: '/api/users',
      body: {
        username: unique('new_'),
        displayName: '新建测试用户',
        roles: ['village_clerk'],
        regionCode: c.scopeCase.regionAt.child,
        password: 'New-User-Passw0rd-1',
      },
    }),
  },
  'PATCH /api/users/:id': {
    build: async (c) => ({
      method: 'PATCH',
      url: `/api/users/${c.record}`,
      body: { version: await userVersion(c.record!), displayName: `改名${++seq}` },
    }),
  },
  'POST /api/users/:id/unlock': { build: (c) => ({ method: 'POST', url: `/api/users/${c.record}/unlock`, body: {} }) },
  'POST /api/users/:id/reset-password': {
    build: (c) => ({ method: 'POST', url: `/api/users/${c.record}/reset-password`, body: { password: 'Reset-Passw0rd-2026' } }),
  },
  'GET /api/settings': { build: () => ({ method: 'GET', url: '/api/settings' }) },
  'PUT /api/settings': {
    build: async () => {
      const r = await env.db.pool.query(`SELECT value, version FROM settings WHERE key = 'security'`);
      const row = r.rows[0] as { value: object; version: number } | undefined;
      return {
        method: 'PUT',
        url: '/api/settings',
        body: { version: row?.version ?? 0, settings: { ...DEFAULT_SECURITY_SETTINGS, ...row?.value } },
      };
    },
  },
  'GET /api/audit': { build: () => ({ method: 'GET', url: '/api/audit' }) },
  'GET /api/audit/verify': { build: () => ({ method: 'GET', url: '/api/audit/verify' }) },
};

type Expectation = 'allowed' | 401 | 403 | 'not found' | 'hidden (404 like missing)';

function expectationFor(policy: RoutePolicy, principal: Principal, position: Position): Expectation {
  if (policy.allow === 'public') return 'allowed';
  if (principal === 'anonymous') return 401;
  if (policy.allow !== 'authenticated' && !policy.allow.includes(principal)) return 403;
  if (position === 'missing') return 'not found';
  return IN_SCOPE.has(position) ? 'allowed' : 'hidden (404 like missing)';
}

function positionsFor(policy: RoutePolicy): Position[] {
  if (!policy.target) return ['none'];
  if (policy.target === 'regionParent') return ['none', ...RECORD_POSITIONS];
  return RECORD_POSITIONS;
}

const key = (method: string, url: string) => `${method} ${url}`;

beforeAll(async () => {
  env = await startTestEnv();
  // The region codes the matrix relies on must exist (or, for the "missing" ones, must not).
  const codes = SCOPES.flatMap((s) => Object.values(s.regionAt));
  const found = await env.db.pool.query('SELECT code FROM regions WHERE valid_to IS NULL AND code = ANY($1::text[])', [codes]);
  expect(new Set(found.rows.map((r) => r.code))).toEqual(new Set(codes));
  const missing = await env.db.pool.query('SELECT code FROM regions WHERE code = ANY($1::text[])', [SCOPES.map((s) => s.missingCode)]);
  expect(missing.rows).toEqual([]);
});
afterAll(async () => env?.close());

describe('authorization matrix', () => {
  it('covers every registered API route, and every entry in the table is a registered route', () => {
    const registered = new Set(env.routes.map((r) => key(r.method, r.url)));
    expect(registered.size).toBeGreaterThan(0);
    const untested = [...registered].filter((k) => !(k in EXPECTED)).sort();
    const stale = Object.keys(EXPECTED).filter((k) => !registered.has(k)).sort();
    const noRecipe = Object.keys(EXPECTED).filter((k) => !(k in REQUESTS)).sort();
    expect({ untested, stale, noRecipe }, 'routes without an EXPECTED entry / stale entries / entries without a request recipe').toEqual({
      untested: [],
      stale: [],
      noRecipe: [],
    });
  });

  it('names every role of the product in the table', () => {
    expect([...EVERY_ROLE].sort()).toEqual([...ROLES].sort());
  });

  it('every role × every route × every record position gets exactly the expected answer', async () => {
    const mismatches: string[] = [];
    let cases = 0;
    const principals: Principal[] = ['anonymous', ...EVERY_ROLE];
    const routes = env.routes.filter((r) => key(r.method, r.url) in EXPECTED && key(r.method, r.url) in REQUESTS);

    for (const scopeCase of SCOPES) {
      // One target account per position, private to this scope case, so a write in one case never touches another's.
      const targetUser: Partial<Record<Position, string>> = {};
      for (const [position, region] of Object.entries(scopeCase.regionAt)) {
        targetUser[position as Position] = (await env.createUser('village_clerk', region)).id;
      }
      targetUser.missing = randomUUID();
      const outsideBefore = await env.db.pool.query(
        'SELECT id, display_name, password_hash, version, failed_logins, must_change_password FROM users WHERE id = ANY($1::uuid[]) ORDER BY id',
        [(['sibling', 'parent', 'otherCounty'] as const).map((p) => targetUser[p])],
      );
      const anonymousLogin = await env.createUser('viewer', scopeCase.scope);

      for (const principal of principals) {
        const newClient = async (): Promise<{ client: TestClient; username: string }> => {
          if (principal === 'anonymous') {
            const client = env.client();
            await client.fetchCsrf(); // so a refusal is about the caller, not about a missing CSRF token
            return { client, username: anonymousLogin.username };
          }
          const client = await env.as(principal, scopeCase.scope);
          return { client, username: client.username };
        };
        const main = await newClient();

        for (const route of routes) {
          const k = key(route.method, route.url);
          const policy = EXPECTED[k]!;
          const recipe = REQUESTS[k]!;
          const replies = new Map<Position, { status: number; body: string }>();
          const pending: { position: Position; expected: Expectation }[] = [];

          for (const position of positionsFor(policy)) {
            let record: string | null = null;
            if (position !== 'none') {
              if (policy.target === 'user') record = targetUser[position]!;
              else record = position === 'missing' ? scopeCase.missingCode : scopeCase.regionAt[position];
            }
            const { client, username } = recipe.ownSession ? await newClient() : main;
            const req = await recipe.build({ principal, scopeCase, position, username, record });
            const res = await client.request(req.method, req.url, req.method === 'GET' ? undefined : (req.body ?? {}));
            replies.set(position, { status: res.statusCode, body: res.body });
            pending.push({ position, expected: expectationFor(policy, principal, position) });
          }

          for (const { position, expected } of pending) {
            cases++;
            const got = replies.get(position)!;
            const missing = replies.get('missing');
            let ok: boolean;
            switch (expected) {
              case 'allowed':
                ok = got.status >= 200 && got.status < 300;
                break;
              case 401:
              case 403:
                ok = got.status === expected;
                break;
              case 'not found':
                ok = got.status === 404;
                break;
              case 'hidden (404 like missing)':
                ok = got.status === 404 && missing !== undefined && missing.status === 404 && sameJson(got.body, missing.body);
                break;
            }
            if (!ok) {
              const like = expected === 'hidden (404 like missing)' && missing ? ` (missing record answered ${missing.status} ${clip(missing.body)})` : '';
              mismatches.push(
                `${principal} @ ${scopeCase.name} | ${k} | position ${position} | expected ${expected} | got ${got.status} ${clip(got.body)}${like}`,
              );
            }
          }
        }
      }

      // Calls on records outside the scope changed nothing.
      const outsideAfter = await env.db.pool.query(
        'SELECT id, display_name, password_hash, version, failed_logins, must_change_password FROM users WHERE id = ANY($1::uuid[]) ORDER BY id',
        [(['sibling', 'parent', 'otherCounty'] as const).map((p) => targetUser[p])],
      );
      if (JSON.stringify(outsideAfter.rows) !== JSON.stringify(outsideBefore.rows)) {
        mismatches.push(`@ ${scopeCase.name} | accounts outside the scope were changed: ${clip(JSON.stringify(outsideAfter.rows), 600)}`);
      }
    }

    console.info(`authorization matrix: ${cases} cases checked`);
    expect(cases).toBeGreaterThan(300);
    expect(mismatches, `${mismatches.length} mismatches:\n${mismatches.join('\n')}`).toEqual([]);
  });

  it('lists answer only records inside the caller scope', async () => {
    for (const scopeCase of SCOPES) {
      for (const region of Object.values(scopeCase.regionAt)) await env.createUser('viewer', region);

      const secadmin = await env.as('security_admin', scopeCase.scope);
      const users = (await secadmin.get('/api/users?pageSize=200')).json() as { items: { regionCode: string }[]; total: number };
      const inScope = await env.db.pool.query('SELECT count(*)::int AS n FROM users WHERE region_code LIKE $1', [`${scopeCase.scope}%`]);
      expect(users.items.filter((u) => !u.regionCode.startsWith(scopeCase.scope)), scopeCase.name).toEqual([]);
      expect(users.total, scopeCase.name).toBe(inScope.rows[0].n);

      const auditor = await env.as('audit_admin', scopeCase.scope);
      const audit = (await auditor.get('/api/audit?pageSize=500')).json() as { items: { regionCode: string | null }[] };
      expect(audit.items.length, scopeCase.name).toBeGreaterThan(0);
      expect(audit.items.filter((a) => a.regionCode !== null && !a.regionCode.startsWith(scopeCase.scope)), scopeCase.name).toEqual([]);

      const roots = (await auditor.get('/api/regions/children')).json() as { items: { code: string }[] };
      expect(roots.items.map((r) => r.code), scopeCase.name).toEqual([scopeCase.scope]);
      const children = (await auditor.get(`/api/regions/children?parent=${scopeCase.scope}`)).json() as { items: { code: string }[] };
      expect(children.items.length, scopeCase.name).toBeGreaterThan(0);
      expect(children.items.filter((r) => !r.code.startsWith(scopeCase.scope)), scopeCase.name).toEqual([]);
    }
  });
});

function sameJson(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return a === b;
  }
}

function clip(s: string, n = 160): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n)}…` : one;
}
