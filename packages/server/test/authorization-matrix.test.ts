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
 *
 * Registry records (households, their members, import jobs) sit at the same positions: a household at "own" is in a
 * village of the caller's own region, at "sibling" in a village of the sibling region, at "parent" in a village of the
 * parent region that is outside the caller's, and so on. A village scope has no child position.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_SETTINGS, ROLES, type Role } from '@zengshou/core';
import { startTestEnv, type TestClient, type TestEnv, R, TEST_PASSWORD } from './harness.ts';
import { HOUSEHOLD_HEADERS, householdRow, idNumber, writeCsv } from './support/registry-factory.ts';
import { insertCase } from './support/case-factory.ts';

type Principal = Role | 'anonymous';
type Position = 'none' | 'own' | 'child' | 'sibling' | 'parent' | 'otherCounty' | 'missing';
/**
 * What kind of record a route addresses: a user by `:id`, a region by `:code`, a region by `?parent=`, a household
 * (by `:id` or by `householdId` in the body), a member by `:id`, or an import job by `:id`.
 */
type Target = 'user' | 'region' | 'regionParent' | 'household' | 'member' | 'importJob' | 'case';

interface RoutePolicy {
  /** 'public': anyone, signed in or not; 'authenticated': any signed-in user; otherwise exactly these roles. */
  allow: 'public' | 'authenticated' | readonly Role[];
  target?: Target;
  /**
   * Monitoring-case steps: of the roles the route lets in, only these may take the step the recipe sends; the
   * others reach the workflow and are refused by it on their role (422), never by the permission layer.
   */
  stepRoles?: readonly Role[];
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

/** The people who work with households: village clerks, township reviewers, county administrators, city/province leaders. */
const REGISTRY_READERS: readonly Role[] = ['village_clerk', 'township_reviewer', 'county_admin', 'viewer'];
/** Who enters and corrects household data (the township reviews, it does not type). */
const REGISTRY_WRITERS: readonly Role[] = ['village_clerk', 'county_admin'];
/** Who may see full ID numbers and phones (audited): the people who visit and decide, never the city/province viewer. */
const UNMASKERS: readonly Role[] = ['village_clerk', 'township_reviewer', 'county_admin'];
/** Who may take a household list out of the system as a spreadsheet. */
const EXPORTERS: readonly Role[] = ['county_admin', 'viewer'];
/** Who takes steps in monitoring cases: the village checks and notices, the township reviews, the county decides. */
const CASE_WORKERS: readonly Role[] = ['village_clerk', 'township_reviewer', 'county_admin'];

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
  'GET /api/settings/logic-checks': { allow: ['system_admin'] },
  'PUT /api/settings/logic-checks': { allow: ['system_admin'] },
  'GET /api/settings/warnings': { allow: ['system_admin'] },
  'PUT /api/settings/warnings': { allow: ['system_admin'] },
  // The audit trail: only the audit administrator (审计管理员).
  'GET /api/audit': { allow: ['audit_admin'] },
  'GET /api/audit/verify': { allow: ['audit_admin'] },
  // The household registry. A department account never reads it (it sees only its own lists and their matches).
  'GET /api/households': { allow: REGISTRY_READERS },
  'GET /api/households/:id': { allow: REGISTRY_READERS, target: 'household' },
  'GET /api/households/:id/history': { allow: REGISTRY_READERS, target: 'household' },
  'GET /api/households/:id/income': { allow: REGISTRY_READERS, target: 'household' },
  'GET /api/households/export': { allow: EXPORTERS },
  'POST /api/households': { allow: REGISTRY_WRITERS },
  'PATCH /api/households/:id': { allow: REGISTRY_WRITERS, target: 'household' },
  'POST /api/households/:id/unmask': { allow: UNMASKERS, target: 'household' },
  'POST /api/members': { allow: REGISTRY_WRITERS, target: 'household' },
  'PATCH /api/members/:id': { allow: REGISTRY_WRITERS, target: 'member' },
  'POST /api/members/:id/move': { allow: REGISTRY_WRITERS, target: 'member' },
  'POST /api/income-records': { allow: REGISTRY_WRITERS, target: 'household' },
  // Imports are data entry in bulk: the same people as the entry forms.
  'GET /api/imports/template': { allow: REGISTRY_WRITERS },
  'POST /api/imports': { allow: REGISTRY_WRITERS },
  'GET /api/imports': { allow: REGISTRY_WRITERS },
  'GET /api/imports/:id': { allow: REGISTRY_WRITERS, target: 'importJob' },
  'GET /api/imports/:id/report': { allow: REGISTRY_WRITERS, target: 'importJob' },
  // Monitoring: lines and warnings are read by whoever reads the registry; the county sets lines and re-evaluates.
  'GET /api/monitoring-lines': { allow: REGISTRY_READERS },
  'POST /api/monitoring-lines': { allow: ['county_admin'] },
  'POST /api/monitoring/evaluate': { allow: ['county_admin'] },
  'GET /api/warnings': { allow: REGISTRY_READERS },
  // Focus ledgers (重点群体台账): read like the registry, plans written by those who enter household data, exported by
  // the exporters, statuses refreshed by the county (like re-evaluating warnings).
  'GET /api/focus/ledger': { allow: REGISTRY_READERS },
  'GET /api/focus/ledger/export': { allow: EXPORTERS },
  'POST /api/focus/refresh': { allow: ['county_admin'] },
  'GET /api/households/:id/focus-plan': { allow: REGISTRY_READERS, target: 'household' },
  'PUT /api/households/:id/focus-plan': { allow: REGISTRY_WRITERS, target: 'household' },
  // Monitoring cases: read like the registry; a lead is opened by the village (or the county); each step by its role.
  'GET /api/cases': { allow: REGISTRY_READERS },
  'GET /api/cases/:id': { allow: REGISTRY_READERS, target: 'case' },
  'POST /api/cases': { allow: ['village_clerk', 'county_admin'], target: 'household' },
  'POST /api/cases/:id/events': { allow: CASE_WORKERS, target: 'case', stepRoles: ['village_clerk'] },
  'POST /api/cases/bulk': { allow: CASE_WORKERS, stepRoles: ['township_reviewer'] },
  // The public notice carries names: the people who post and check it, not the city viewer.
  'GET /api/case-notices': { allow: CASE_WORKERS },
  'GET /api/case-notices.xlsx': { allow: CASE_WORKERS },
  'GET /api/households/:id/timeline': { allow: REGISTRY_READERS, target: 'household' },
  'GET /api/settings/cases': { allow: ['system_admin'] },
  'PUT /api/settings/cases': { allow: ['system_admin'] },
  // 农户自主申报: the public form, its status lookup and the village picker need nobody; the village works the list.
  'POST /api/public/declarations': { allow: 'public' },
  'GET /api/public/declarations/status': { allow: 'public' },
  'GET /api/public/villages': { allow: 'public' },
  'GET /api/public/villages/:code': { allow: 'public' },
  'GET /api/declarations': { allow: CASE_WORKERS },
  'GET /api/declarations/qr': { allow: CASE_WORKERS },
  'GET /api/declarations/:id': { allow: CASE_WORKERS },
  'POST /api/declarations/:id/link': { allow: CASE_WORKERS },
  'POST /api/declarations/:id/close': { allow: CASE_WORKERS },
  'POST /api/declarations/:id/unmask': { allow: UNMASKERS },
  // Income targets (增收目标): read like the registry; set and imported by the county; exported by the exporters.
  'GET /api/targets': { allow: REGISTRY_READERS },
  'GET /api/targets/:region/:year/history': { allow: REGISTRY_READERS, target: 'region' },
  'GET /api/targets/export': { allow: EXPORTERS },
  'GET /api/targets/template': { allow: ['county_admin'] },
  'PUT /api/targets/:region/:year': { allow: ['county_admin'], target: 'region' },
  'POST /api/targets/import': { allow: ['county_admin'] },
  // Dispatch reports and assessment: figures and masked lists, read (and printed or exported) by whoever reads the
  // registry — the township reviewer prints the semi-monthly list; the county sets the scoring rules.
  'GET /api/reports/dispatch': { allow: REGISTRY_READERS },
  'GET /api/reports/dispatch.xlsx': { allow: REGISTRY_READERS },
  'GET /api/reports/township-review': { allow: REGISTRY_READERS },
  'GET /api/reports/township-review.xlsx': { allow: REGISTRY_READERS },
  'GET /api/reports/assessment': { allow: REGISTRY_READERS },
  'GET /api/reports/assessment.xlsx': { allow: REGISTRY_READERS },
  'GET /api/reports/assessment/rules': { allow: REGISTRY_READERS, target: 'region' },
  'PUT /api/reports/assessment/rules': { allow: ['county_admin'], target: 'region' },
  // National-format exchange: exported like a household list, imported like any bulk data entry.
  'GET /api/exchange/national.xlsx': { allow: EXPORTERS },
  'POST /api/exchange/imports': { allow: REGISTRY_WRITERS },
  'GET /api/exchange/imports/:id': { allow: REGISTRY_WRITERS, target: 'importJob' },
  // Dashboards: figures and masked household lists, for whoever reads the registry. The region is a filter like the
  // household list's (a parent answers with the caller's own scope, a sibling is not found: dashboard.test.ts).
  'GET /api/dashboard': { allow: REGISTRY_READERS },
  'GET /api/dashboard/households': { allow: REGISTRY_READERS },
  // 部门筛查预警: department accounts (and the county administrator on their behalf) send lists and read only their own
  // lists and match results; the village marks a pushed warning as a false positive.
  'GET /api/department/templates/:listType': { allow: ['county_admin', 'department'] },
  'POST /api/department/lists': { allow: ['county_admin', 'department'] },
  'POST /api/department/lists/json': { allow: ['county_admin', 'department'] },
  'GET /api/department/lists': { allow: ['county_admin', 'department'] },
  'GET /api/department/lists/:id': { allow: ['county_admin', 'department'] },
  'POST /api/department/lists/:id/apply': { allow: ['county_admin', 'department'] },
  'GET /api/department/false-positive-rates': { allow: ['county_admin', 'department'] },
  'POST /api/warnings/:id/false-positive': { allow: CASE_WORKERS },
};

type RecordPosition = Exclude<Position, 'none' | 'missing'>;

/** A caller scope and, relative to it, the region of a record at each position. */
interface ScopeCase {
  name: string;
  scope: string;
  /** A village scope has no child region. */
  regionAt: Omit<Record<RecordPosition, string>, 'child'> & { child?: string };
  /** The village of a household at each position. */
  villageAt: Omit<Record<RecordPosition, string>, 'child'> & { child?: string };
  /** A well-formed region code inside the scope that does not exist (for a village scope: just outside it). */
  missingCode: string;
}

const OTHER_COUNTY_TOWNSHIP = '533401101'; // 香格里拉市 建塘镇
const SIBLING_COUNTY = '533422'; // 德钦县

const SCOPES: ScopeCase[] = [
  {
    name: `village ${R.village}`,
    scope: R.village,
    regionAt: { own: R.village, sibling: R.siblingVillage, parent: R.township, otherCounty: OTHER_COUNTY_TOWNSHIP },
    villageAt: { own: R.village, sibling: R.siblingVillage, parent: '533423101003', otherCounty: R.otherCountyVillage },
    // Nothing below a village can be missing; this code is in the parent township and does not exist.
    missingCode: `${R.township}999`,
  },
  {
    name: `township ${R.township}`,
    scope: R.township,
    regionAt: { own: R.township, child: R.village, sibling: R.siblingTownship, parent: R.county, otherCounty: OTHER_COUNTY_TOWNSHIP },
    // parent: 塔城镇 川达村, in the county but in another township.
    villageAt: { own: R.village, child: '533423101004', sibling: '533423102201', parent: '533423103201', otherCounty: R.otherCountyVillage },
    missingCode: `${R.township}999`,
  },
  {
    name: `county ${R.county}`,
    scope: R.county,
    regionAt: { own: R.county, child: R.township, sibling: SIBLING_COUNTY, parent: R.city, otherCounty: OTHER_COUNTY_TOWNSHIP },
    // sibling: 德钦县; parent: elsewhere in 迪庆州 (小中甸镇 联合村).
    villageAt: { own: R.village, child: '533423102202', sibling: '533422101001', parent: '533401102201', otherCounty: R.otherCountyVillage },
    missingCode: `${R.county}999`,
  },
];

const IN_SCOPE: ReadonlySet<Position> = new Set(['none', 'own', 'child']);
const RECORD_POSITIONS: Position[] = ['own', 'child', 'sibling', 'parent', 'otherCounty', 'missing'];
const OUTSIDE: readonly RecordPosition[] = ['sibling', 'parent', 'otherCounty'];

/** Registry records of one scope case, at each position: made once, before the callers run. */
interface Fixtures {
  household: Partial<Record<Position, string>>;
  /** A member of the household at each position (each household also keeps a second member who never moves). */
  member: Partial<Record<Position, string>>;
  memberHome: Map<string, string>;
  importJob: Partial<Record<Position, string>>;
  /** A monitored case (with measure m-1) on the household at each position. */
  case: Partial<Record<Position, string>>;
  /** An extra household in the caller's own village: members in scope move here and back. */
  spareHousehold: string;
}

/** Everything a request recipe may need. */
interface CallContext {
  principal: Principal;
  scopeCase: ScopeCase;
  position: Position;
  /** The user name of the calling client (for anonymous: an existing account, so login is a valid request). */
  username: string;
  /** For user routes: the id of the user at this position; for region routes: the code at this position. */
  record: string | null;
  fixtures: Fixtures;
}

interface Call {
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Recipe {
  /** The call changes the caller's own session (login, logout, password): it runs on a throwaway session. */
  ownSession?: boolean;
  build(ctx: CallContext): Promise<Call> | Call;
}

let env: TestEnv;
let seq = 0;
const unique = (prefix: string) => `${prefix}${++seq}_${randomUUID().slice(0, 6)}`;

async function userVersion(id: string): Promise<number> {
  const r = await env.db.pool.query('SELECT version FROM users WHERE id = $1', [id]);
  return r.rows[0]?.version ?? 1;
}
async function rowVersion(table: 'households' | 'members', id: string): Promise<number> {
  const r = await env.db.pool.query(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  return r.rows[0]?.version ?? 1;
}

/** A multipart/form-data body built by hand: the text fields first (the server reads them with the file), then the file. */
function multipartBody(fields: Record<string, string>, file: { name: string; type: string; content: Buffer }) {
  const boundary = `----zs-matrix-${randomUUID()}`;
  const head = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  const body = Buffer.concat([
    Buffer.from(`${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Imports started over HTTP run on after the reply; the test waits for each one so none outlives its case. */
const runningImports: Promise<unknown>[] = [];
async function settleImports() {
  while (runningImports.length > 0) await Promise.allSettled(runningImports.splice(0));
  // The national-format import runs on after its 202 inside the exchange module: wait for its job to end too.
  for (let i = 0; i < 600; i++) {
    const r = await env.db.pool.query(`SELECT count(*)::int AS n FROM import_jobs WHERE status IN ('queued', 'running')`);
    if (r.rows[0].n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('an import did not end within 30 s');
}

const memberBody = (householdId: string) => ({
  householdId,
  name: `成员${++seq}`,
  idNumber: idNumber('19850315'),
  relation: 'other',
  labourCapacity: 'normal',
  health: 'healthy',
  schooling: 'junior_secondary',
  schoolingStatus: 'not_applicable',
  employmentStatus: 'farming',
});

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
        regionCode: c.scopeCase.regionAt.child ?? c.scopeCase.scope,
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
  'GET /api/settings/logic-checks': { build: () => ({ method: 'GET', url: '/api/settings/logic-checks' }) },
  'PUT /api/settings/logic-checks': {
    build: async () => {
      const r = await env.db.pool.query(`SELECT version FROM settings WHERE key = 'logicChecks'`);
      return { method: 'PUT', url: '/api/settings/logic-checks', body: { version: r.rows[0].version, config: {} } };
    },
  },
  'GET /api/audit': { build: () => ({ method: 'GET', url: '/api/audit' }) },
  'GET /api/audit/verify': { build: () => ({ method: 'GET', url: '/api/audit/verify' }) },
  'GET /api/households': { build: () => ({ method: 'GET', url: '/api/households?pageSize=50' }) },
  'GET /api/households/:id': { build: (c) => ({ method: 'GET', url: `/api/households/${c.record}` }) },
  'GET /api/households/:id/history': { build: (c) => ({ method: 'GET', url: `/api/households/${c.record}/history` }) },
  'GET /api/households/:id/income': { build: (c) => ({ method: 'GET', url: `/api/households/${c.record}/income?revisions=true` }) },
  'GET /api/households/export': { build: () => ({ method: 'GET', url: '/api/households/export' }) },
  'POST /api/households': {
    build: (c) => ({
      method: 'POST',
      url: '/api/households',
      body: { householdNo: unique('MX-'), villageCode: c.scopeCase.villageAt.own, address: '一组', householdType: 'ordinary', assistanceStatus: 'none' },
    }),
  },
  'PATCH /api/households/:id': {
    build: async (c) => ({
      method: 'PATCH',
      url: `/api/households/${c.record}`,
      body: { version: await rowVersion('households', c.record!), address: `改址${++seq}` },
    }),
  },
  'POST /api/households/:id/unmask': {
    build: (c) => ({ method: 'POST', url: `/api/households/${c.record}/unmask`, body: { reason: '入户核实身份' } }),
  },
  'POST /api/members': { build: (c) => ({ method: 'POST', url: '/api/members', body: memberBody(c.record!) }) },
  'PATCH /api/members/:id': {
    build: async (c) => ({
      method: 'PATCH',
      url: `/api/members/${c.record}`,
      body: { version: await rowVersion('members', c.record!), name: `改名${++seq}` },
    }),
  },
  'POST /api/members/:id/move': {
    // Back and forth between the member's own household and the spare one, so every allowed move is a real move.
    build: async (c) => {
      const r = await env.db.pool.query('SELECT household_id FROM members WHERE id = $1', [c.record]);
      const home = c.fixtures.memberHome.get(c.record!);
      const at = r.rows[0]?.household_id as string | undefined;
      const to = at !== undefined && at === c.fixtures.spareHousehold && home ? home : c.fixtures.spareHousehold;
      return {
        method: 'POST',
        url: `/api/members/${c.record}/move`,
        body: { toHouseholdId: to, version: await rowVersion('members', c.record!), reason: '分户后随子女生活' },
      };
    },
  },
  'POST /api/income-records': {
    build: (c) => ({
      method: 'POST',
      url: '/api/income-records',
      body: { householdId: c.record, year: 2025, quarter: 4, items: { wageOther: '24000', businessPlanting: '6000', costPlanting: '1500.50' } },
    }),
  },
  'GET /api/imports/template': { build: () => ({ method: 'GET', url: '/api/imports/template' }) },
  'POST /api/imports': {
    build: (c) => {
      const csv = readFileSync(writeCsv(HOUSEHOLD_HEADERS, [householdRow(`IMX-${++seq}`, c.scopeCase.villageAt.own)]));
      const { body, headers } = multipartBody({ mode: 'valid-rows', dryRun: 'true' }, { name: 'households.csv', type: 'text/csv', content: csv });
      return { method: 'POST', url: '/api/imports', body, headers };
    },
  },
  'GET /api/imports': { build: () => ({ method: 'GET', url: '/api/imports' }) },
  'GET /api/imports/:id': { build: (c) => ({ method: 'GET', url: `/api/imports/${c.record}` }) },
  'GET /api/imports/:id/report': { build: (c) => ({ method: 'GET', url: `/api/imports/${c.record}/report` }) },
  'GET /api/monitoring-lines': { build: () => ({ method: 'GET', url: '/api/monitoring-lines' }) },
  'POST /api/monitoring-lines': {
    build: (c) => ({ method: 'POST', url: '/api/monitoring-lines', body: { regionCode: c.scopeCase.scope, year: 2030, amountYuan: '9000', method: 'manual' } }),
  },
  'POST /api/monitoring/evaluate': { build: () => ({ method: 'POST', url: '/api/monitoring/evaluate', body: {} }) },
  'GET /api/warnings': { build: () => ({ method: 'GET', url: '/api/warnings' }) },
  'GET /api/focus/ledger': { build: () => ({ method: 'GET', url: '/api/focus/ledger?group=low_income' }) },
  'GET /api/focus/ledger/export': { build: () => ({ method: 'GET', url: '/api/focus/ledger/export?group=income_fell' }) },
  'POST /api/focus/refresh': { build: () => ({ method: 'POST', url: '/api/focus/refresh', body: {} }) },
  'GET /api/households/:id/focus-plan': { build: (c) => ({ method: 'GET', url: `/api/households/${c.record}/focus-plan` }) },
  'PUT /api/households/:id/focus-plan': {
    // Version 0 creates the plan; every later allowed call revises the version stored now.
    build: async (c) => {
      const r = await env.db.pool.query('SELECT version FROM focus_plans WHERE household_id = $1', [c.record]);
      return {
        method: 'PUT',
        url: `/api/households/${c.record}/focus-plan`,
        body: { version: r.rows[0]?.version ?? 0, cadreName: '矩阵包保干部', targetYear: 2030, targetPerCapitaFen: 1_200_000, measures: [{ text: '务工就业帮扶' }] },
      };
    },
  },
  'GET /api/cases': { build: () => ({ method: 'GET', url: '/api/cases?queue=mine' }) },
  'GET /api/cases/:id': { build: (c) => ({ method: 'GET', url: `/api/cases/${c.record}` }) },
  'POST /api/cases': {
    // A household has one running case, so each allowed call inside the scope gets a fresh household at that position.
    build: async (c) => {
      const inside = c.position === 'own' || c.position === 'child';
      const householdId = inside ? await freshHousehold(c.scopeCase.villageAt[c.position as 'own']!) : c.record;
      return { method: 'POST', url: '/api/cases', body: { householdId, source: 'cadre' } };
    },
  },
  'POST /api/cases/:id/events': {
    build: async (c) => ({
      method: 'POST',
      url: `/api/cases/${c.record}/events`,
      body: { expectedVersion: await caseVersion(c.record!), event: { type: 'measure_updated', measureId: 'm-1', status: 'in_progress' } },
    }),
  },
  'POST /api/cases/bulk': {
    build: async (c) => ({
      method: 'POST',
      url: '/api/cases/bulk',
      body: { step: 'township_reviewed', items: [{ caseId: c.fixtures.case.own!, expectedVersion: await caseVersion(c.fixtures.case.own!) }] },
    }),
  },
  'GET /api/case-notices': { build: (c) => ({ method: 'GET', url: `/api/case-notices?village=${c.scopeCase.villageAt.own}` }) },
  'GET /api/case-notices.xlsx': { build: (c) => ({ method: 'GET', url: `/api/case-notices.xlsx?village=${c.scopeCase.villageAt.own}` }) },
  'GET /api/households/:id/timeline': { build: (c) => ({ method: 'GET', url: `/api/households/${c.record}/timeline` }) },
  'GET /api/settings/cases': { build: () => ({ method: 'GET', url: '/api/settings/cases' }) },
  'GET /api/settings/warnings': { build: () => ({ method: 'GET', url: '/api/settings/warnings' }) },
  'PUT /api/settings/warnings': {
    build: async () => {
      const r = await env.db.pool.query(`SELECT version FROM settings WHERE key = 'warnings'`);
      return { method: 'PUT', url: '/api/settings/warnings', body: { version: r.rows[0].version, config: {} } };
    },
  },
  'POST /api/public/declarations': { build: (c) => ({ method: 'POST', url: '/api/public/declarations', body: declarationBody(c.scopeCase.villageAt.own) }) },
  'GET /api/public/declarations/status': {
    build: async (c) => {
      const d = await freshDeclaration(c.scopeCase.villageAt.own);
      return { method: 'GET', url: `/api/public/declarations/status?receiptCode=${d.receiptCode}&idLast4=${d.idNumber.slice(-4)}` };
    },
  },
  'GET /api/public/villages': { build: () => ({ method: 'GET', url: `/api/public/villages?parent=${R.county}` }) },
  'GET /api/public/villages/:code': { build: (c) => ({ method: 'GET', url: `/api/public/villages/${c.scopeCase.villageAt.own}` }) },
  'GET /api/declarations': { build: () => ({ method: 'GET', url: '/api/declarations' }) },
  'GET /api/declarations/qr': { build: (c) => ({ method: 'GET', url: `/api/declarations/qr?village=${c.scopeCase.villageAt.own}` }) },
  'GET /api/declarations/:id': { build: async (c) => ({ method: 'GET', url: `/api/declarations/${(await freshDeclaration(c.scopeCase.villageAt.own)).id}` }) },
  'POST /api/declarations/:id/link': {
    build: async (c) => {
      const d = await freshDeclaration(c.scopeCase.villageAt.own);
      return { method: 'POST', url: `/api/declarations/${d.id}/link`, body: { householdId: await freshHousehold(c.scopeCase.villageAt.own) } };
    },
  },
  'POST /api/declarations/:id/close': {
    build: async (c) => ({ method: 'POST', url: `/api/declarations/${(await freshDeclaration(c.scopeCase.villageAt.own)).id}/close`, body: { reason: '矩阵测试关闭' } }),
  },
  'POST /api/declarations/:id/unmask': {
    build: async (c) => ({ method: 'POST', url: `/api/declarations/${(await freshDeclaration(c.scopeCase.villageAt.own)).id}/unmask`, body: { reason: '矩阵测试' } }),
  },
  'GET /api/targets': { build: () => ({ method: 'GET', url: '/api/targets' }) },
  'GET /api/targets/:region/:year/history': { build: (c) => ({ method: 'GET', url: `/api/targets/${c.record}/2024/history` }) },
  'GET /api/targets/export': { build: () => ({ method: 'GET', url: '/api/targets/export' }) },
  'GET /api/targets/template': { build: () => ({ method: 'GET', url: '/api/targets/template' }) },
  'PUT /api/targets/:region/:year': {
    build: async (c) => {
      const r = await env.db.pool.query('SELECT version FROM income_targets WHERE region_code = $1 AND year = 2030 AND superseded_at IS NULL', [c.record]);
      // A different figure each time, so every allowed call is a real save.
      const fen = 3_000_000 + ++seq * 100;
      return {
        method: 'PUT',
        url: `/api/targets/${c.record}/2030`,
        body: { version: r.rows[0]?.version ?? 0, perCapitaNetFen: fen, partsFen: { wage: fen - 900_000, business: 500_000, property: 100_000, transfer: 300_000 }, growthRate: 0.1, source: '矩阵测试' },
      };
    },
  },
  'POST /api/targets/import': {
    build: async () => {
      targetTemplate ??= (await (await env.as('county_admin', R.province)).get('/api/targets/template')).rawPayload;
      const { body, headers } = multipartBody({ dryRun: 'true' }, { name: 'targets.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: targetTemplate });
      return { method: 'POST', url: '/api/targets/import', body, headers };
    },
  },
  'GET /api/reports/dispatch': { build: () => ({ method: 'GET', url: '/api/reports/dispatch?month=2026-02' }) },
  'GET /api/reports/dispatch.xlsx': { build: () => ({ method: 'GET', url: '/api/reports/dispatch.xlsx?month=2026-02' }) },
  'GET /api/reports/township-review': { build: () => ({ method: 'GET', url: '/api/reports/township-review?date=2026-03-02' }) },
  'GET /api/reports/township-review.xlsx': { build: () => ({ method: 'GET', url: '/api/reports/township-review.xlsx?date=2026-03-02' }) },
  'GET /api/reports/assessment': { build: () => ({ method: 'GET', url: '/api/reports/assessment?year=2025&quarter=4' }) },
  'GET /api/reports/assessment.xlsx': { build: () => ({ method: 'GET', url: '/api/reports/assessment.xlsx?year=2025&quarter=4' }) },
  'GET /api/reports/assessment/rules': { build: (c) => ({ method: 'GET', url: `/api/reports/assessment/rules?region=${c.record}` }) },
  'PUT /api/reports/assessment/rules': {
    build: async (c) => {
      const r = await env.db.pool.query(`SELECT version FROM settings WHERE key = 'assessment'`);
      return { method: 'PUT', url: '/api/reports/assessment/rules', body: { version: r.rows[0]?.version ?? 0, region: c.record, rules: null } };
    },
  },
  'GET /api/exchange/national.xlsx': { build: () => ({ method: 'GET', url: '/api/exchange/national.xlsx' }) },
  'POST /api/exchange/imports': {
    build: async () => {
      // A real exchange file (the whole province, unmasked): a caller's dry run refuses the rows outside its scope.
      exchangeFile ??= (await (await env.as('county_admin', R.province)).get('/api/exchange/national.xlsx')).rawPayload;
      const { body, headers } = multipartBody({ dryRun: 'true' }, { name: 'national.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: exchangeFile });
      return { method: 'POST', url: '/api/exchange/imports', body, headers };
    },
  },
  'GET /api/exchange/imports/:id': { build: (c) => ({ method: 'GET', url: `/api/exchange/imports/${c.record}` }) },
  'GET /api/dashboard': { build: () => ({ method: 'GET', url: '/api/dashboard?year=2025&quarter=2' }) },
  'GET /api/dashboard/households': { build: () => ({ method: 'GET', url: '/api/dashboard/households?year=2025&quarter=2&metric=reported' }) },
  'GET /api/department/templates/:listType': { build: () => ({ method: 'GET', url: '/api/department/templates/civil_affairs' }) },
  'POST /api/department/lists': {
    build: () => {
      const csv = Buffer.from(`姓名,身份证号,危房等级\n和,${idNumber('19700101')},D级\n`);
      const { body, headers } = multipartBody({ listType: 'housing', dryRun: 'true' }, { name: 'housing.csv', type: 'text/csv', content: csv });
      return { method: 'POST', url: '/api/department/lists', body, headers };
    },
  },
  'POST /api/department/lists/json': {
    build: () => ({ method: 'POST', url: '/api/department/lists/json', body: { listType: 'housing', rows: [{ name: '和', idNumber: idNumber('19700101'), grade: 'D级' }] } }),
  },
  'GET /api/department/lists': { build: () => ({ method: 'GET', url: '/api/department/lists' }) },
  'GET /api/department/lists/:id': { build: async (c) => ({ method: 'GET', url: `/api/department/lists/${await freshDepartmentList(c)}` }) },
  'POST /api/department/lists/:id/apply': { build: async (c) => ({ method: 'POST', url: `/api/department/lists/${await freshDepartmentList(c)}/apply`, body: {} }) },
  'GET /api/department/false-positive-rates': { build: () => ({ method: 'GET', url: '/api/department/false-positive-rates' }) },
  'POST /api/warnings/:id/false-positive': {
    build: async (c) => ({ method: 'POST', url: `/api/warnings/${await freshDepartmentWarning(c)}/false-positive`, body: { reason: '核实后情况不符' } }),
  },
  'PUT /api/settings/cases': {
    build: async () => {
      const r = await env.db.pool.query(`SELECT version FROM settings WHERE key = 'cases'`);
      return { method: 'PUT', url: '/api/settings/cases', body: { version: r.rows[0].version, regions: {} } };
    },
  },
};

/** A self-declaration by someone not registered (a fresh ID each time, so the per-ID limit never interferes). */
function declarationBody(villageCode: string) {
  return { name: '矩阵申报人', phone: '13700000000', idNumber: idNumber('19610101'), villageCode, difficulties: ['illness'], description: '矩阵测试申报', consent: true };
}
async function freshDeclaration(villageCode: string): Promise<{ id: string; receiptCode: string; idNumber: string }> {
  const client = env.client();
  await client.fetchCsrf();
  const body = declarationBody(villageCode);
  const res = await client.post('/api/public/declarations', body);
  expect(res.statusCode, res.body).toBe(201);
  const receiptCode = res.json().receiptCode as string;
  const r = await env.db.pool.query('SELECT id FROM declarations WHERE receipt_code = $1', [receiptCode]);
  return { id: r.rows[0].id as string, receiptCode, idNumber: body.idNumber };
}

/** A dry-run list uploaded by the caller in its own scope (a department account sees only its own lists). */
async function freshDepartmentList(c: CallContext): Promise<string> {
  const user = await env.db.pool.query('SELECT id FROM users WHERE username = $1', [c.username]);
  const r = await env.db.pool.query(
    `INSERT INTO department_lists (county_code, scope_code, list_type, uploaded_by, channel, file_name, sha256, status, created_at)
     VALUES ($1, $2, 'housing', $3, 'api', 'matrix', encode(sha256(gen_random_uuid()::text::bytea), 'hex'), 'dry_run', now()) RETURNING id`,
    [c.scopeCase.scope.slice(0, 6), c.scopeCase.scope, user.rows[0]?.id ?? randomUUID()],
  );
  return r.rows[0].id;
}

/** An open department warning on the household in the caller's own village (one per call: a rule id of its own). */
async function freshDepartmentWarning(c: CallContext): Promise<string> {
  const r = await env.db.pool.query(
    `INSERT INTO warnings (county_code, household_id, village_code, rule_id, rule_version, source, status, title, explanation, score, facts, opened_at, due_at, updated_at)
     SELECT county_code, id, village_code, $2, '2026.1', 'department:housing', 'open', '住房被鉴定为危房', '矩阵测试', 30, '{}'::jsonb, now(), now(), now()
     FROM households WHERE id = $1 RETURNING id`,
    [c.fixtures.household.own!, `department:housing:${++seq}`],
  );
  return r.rows[0].id;
}

async function caseVersion(id: string): Promise<number> {
  const r = await env.db.pool.query('SELECT version FROM cases WHERE id = $1', [id]);
  return r.rows[0]?.version ?? 1;
}

/** The targets template (an empty sheet with the import headers), fetched once. */
let targetTemplate: Buffer | undefined;
/** A national-format exchange file, exported once. */
let exchangeFile: Buffer | undefined;

let householdMaker: (TestClient & { userId: string }) | null = null;
async function freshHousehold(villageCode: string): Promise<string> {
  householdMaker ??= await env.as('county_admin', R.province);
  const res = await householdMaker.post('/api/households', { householdNo: unique('CX-'), villageCode, address: '矩阵测试组', householdType: 'ordinary', assistanceStatus: 'none' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().household.id as string;
}

type Expectation = 'allowed' | 401 | 403 | 'not found' | 'hidden (404 like missing)' | 'refused by the workflow (422)';

function expectationFor(policy: RoutePolicy, principal: Principal, position: Position): Expectation {
  if (policy.allow === 'public') return 'allowed';
  if (principal === 'anonymous') return 401;
  if (policy.allow !== 'authenticated' && !policy.allow.includes(principal)) return 403;
  if (position === 'missing') return 'not found';
  if (!IN_SCOPE.has(position)) return 'hidden (404 like missing)';
  return policy.stepRoles && !policy.stepRoles.includes(principal) ? 'refused by the workflow (422)' : 'allowed';
}

function positionsFor(policy: RoutePolicy, scopeCase: ScopeCase): Position[] {
  if (!policy.target) return ['none'];
  const positions = RECORD_POSITIONS.filter((p) => p === 'missing' || scopeCase.regionAt[p as RecordPosition] !== undefined);
  if (policy.target === 'regionParent') return ['none', ...positions];
  return positions;
}

/**
 * Households (each with two members) and import jobs at every position of a scope case, made by a province-wide
 * county administrator over HTTP and by the import service directly (the job's scope is the importer's scope).
 */
async function makeFixtures(scopeCase: ScopeCase): Promise<Fixtures> {
  const admin = await env.as('county_admin', R.province);
  const addHousehold = async (villageCode: string) => {
    const res = await admin.post('/api/households', {
      householdNo: unique('HX-'),
      villageCode,
      address: '矩阵测试组',
      householdType: 'poverty_exit',
      assistanceStatus: 'none',
      phone: '13987654321',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().household.id as string;
  };
  const addMember = async (householdId: string, relation: string) => {
    const res = await admin.post('/api/members', { ...memberBody(householdId), relation });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const fixtures: Fixtures = { household: {}, member: {}, memberHome: new Map(), importJob: {}, case: {}, spareHousehold: '' };
  for (const [position, village] of Object.entries(scopeCase.villageAt) as [RecordPosition, string][]) {
    const household = await addHousehold(village);
    await addMember(household, 'head');
    const member = await addMember(household, 'son');
    const income = await admin.post('/api/income-records', { householdId: household, year: 2025, quarter: 2, items: { wageOther: '9000' } });
    expect(income.statusCode, income.body).toBe(201);
    fixtures.household[position] = household;
    fixtures.case[position] = await insertCase(env.db, { countyCode: village.slice(0, 6), householdId: household, villageCode: village });
    fixtures.member[position] = member;
    fixtures.memberHome.set(member, household);

    const csv = writeCsv(HOUSEHOLD_HEADERS, [householdRow(`JX-${++seq}`, village)]);
    const job = await env.services.imports.importFile(
      { userId: null, username: 'matrix-setup', scope: scopeCase.regionAt[position]! },
      { path: csv, name: 'job.csv' },
      { mode: 'valid-rows', dryRun: true },
    );
    expect(job.jobId).toBeTruthy();
    fixtures.importJob[position] = job.jobId!;
  }
  fixtures.spareHousehold = await addHousehold(scopeCase.villageAt.own);
  fixtures.household.missing = randomUUID();
  fixtures.member.missing = randomUUID();
  fixtures.importJob.missing = randomUUID();
  fixtures.case.missing = randomUUID();
  return fixtures;
}

const q = async (text: string, ids: string[]) => (await env.db.pool.query(text, [ids])).rows;

/** Everything a call on a record outside the scope could have changed. */
async function outsideState(f: Fixtures) {
  const households = OUTSIDE.map((p) => f.household[p]).filter((x): x is string => x !== undefined);
  const members = OUTSIDE.map((p) => f.member[p]).filter((x): x is string => x !== undefined);
  const jobs = OUTSIDE.map((p) => f.importJob[p]).filter((x): x is string => x !== undefined);
  const cases = OUTSIDE.map((p) => f.case[p]).filter((x): x is string => x !== undefined);
  return {
    households: await q(
      `SELECT id, household_no, village_code, address, version, member_count, latest_per_capita_annual, updated_at FROM households
       WHERE id = ANY($1::uuid[]) ORDER BY id`,
      households,
    ),
    members: await q('SELECT id, household_id, name, relation, version FROM members WHERE household_id = ANY($1::uuid[]) ORDER BY id', households),
    moves: await q('SELECT count(*)::int AS n FROM member_moves WHERE member_id = ANY($1::uuid[])', members),
    income: await q('SELECT count(*)::int AS n FROM income_records WHERE household_id = ANY($1::uuid[])', households),
    focusPlans: await q('SELECT id, version, status, cadre_name FROM focus_plans WHERE household_id = ANY($1::uuid[]) ORDER BY id', households),
    unmasked: await q(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'personal.unmask' AND entity_id = ANY($1::text[])`, households),
    jobs: await q('SELECT id, scope, status, rows_done, rows_bad FROM import_jobs WHERE id = ANY($1::uuid[]) ORDER BY id', jobs),
    cases: await q('SELECT id, status, version FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id', cases),
    leads: await q('SELECT count(*)::int AS n FROM cases WHERE household_id = ANY($1::uuid[])', households),
  };
}

const key = (method: string, url: string) => `${method} ${url}`;

beforeAll(async () => {
  env = await startTestEnv();
  // Keep hold of every import the HTTP route starts, so each case can wait for its import to end.
  const imports = env.services.imports;
  const importFile = imports.importFile.bind(imports);
  imports.importFile = (...args) => {
    const run = importFile(...args);
    runningImports.push(run);
    return run;
  };
  // The region codes the matrix relies on must exist (or, for the "missing" ones, must not).
  const codes = SCOPES.flatMap((s) => [...Object.values(s.regionAt), ...Object.values(s.villageAt)]);
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

  it('every role × every route × every record position gets exactly the expected answer', { timeout: 600_000 }, async () => {
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
      const fixtures = await makeFixtures(scopeCase);
      const registryBefore = await outsideState(fixtures);
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

          for (const position of positionsFor(policy, scopeCase)) {
            let record: string | null = null;
            if (position !== 'none') {
              if (policy.target === 'user') record = targetUser[position]!;
              else if (policy.target === 'household' || policy.target === 'member' || policy.target === 'importJob' || policy.target === 'case') {
                record = fixtures[policy.target][position]!;
              } else record = position === 'missing' ? scopeCase.missingCode : scopeCase.regionAt[position]!;
            }
            const { client, username } = recipe.ownSession ? await newClient() : main;
            const req = await recipe.build({ principal, scopeCase, position, username, record, fixtures });
            const res = await client.request(req.method, req.url, req.method === 'GET' ? undefined : (req.body ?? {}), req.headers);
            await settleImports();
            // An export is a file: compare its status and type, not its bytes (they carry a timestamp).
            const body = res.headers['content-type']?.toString().startsWith('application/json') ? res.body : `(${res.headers['content-type']})`;
            replies.set(position, { status: res.statusCode, body });
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
              case 'refused by the workflow (422)':
                ok = got.status === 422;
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
      // …while the allowed calls on records inside it really happened.
      const own = await env.db.pool.query(
        `SELECT (SELECT version FROM households WHERE id = $1) AS household_version,
                (SELECT count(*)::int FROM member_moves WHERE member_id = $2) AS moves,
                (SELECT count(*)::int FROM audit_log WHERE action = 'personal.unmask' AND entity_id = $1::text) AS unmasks,
                (SELECT count(*)::int FROM income_records WHERE household_id = $1) AS income_revisions,
                (SELECT version FROM cases WHERE id = $3) AS case_version`,
        [fixtures.household.own, fixtures.member.own, fixtures.case.own],
      );
      expect(own.rows[0], scopeCase.name).toEqual({
        household_version: 1 + REGISTRY_WRITERS.length,
        moves: REGISTRY_WRITERS.length,
        unmasks: UNMASKERS.length,
        income_revisions: 1 + REGISTRY_WRITERS.length,
        // Seven fixture events, then one measure update by the village clerk (the one role whose step it is).
        case_version: 8,
      });
      const registryAfter = await outsideState(fixtures);
      for (const part of Object.keys(registryBefore) as (keyof typeof registryBefore)[]) {
        if (JSON.stringify(registryAfter[part]) !== JSON.stringify(registryBefore[part])) {
          mismatches.push(`@ ${scopeCase.name} | registry records outside the scope were changed (${part}): ${clip(JSON.stringify(registryAfter[part]), 600)}`);
        }
      }
    }

    const running = await env.db.pool.query(`SELECT count(*)::int AS n FROM import_jobs WHERE status = 'running'`);
    expect(running.rows[0].n, 'imports still running after their case').toBe(0);
    console.info(`authorization matrix: ${cases} cases checked`);
    expect(cases).toBeGreaterThan(2000);
    expect(mismatches, `${mismatches.length} mismatches:\n${mismatches.join('\n')}`).toEqual([]);
  });

  it('lists answer only records inside the caller scope', async () => {
    for (const scopeCase of SCOPES) {
      for (const region of Object.values(scopeCase.regionAt)) await env.createUser('viewer', region);
      await makeFixtures(scopeCase); // households and import jobs at every position

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
      if (scopeCase.regionAt.child) expect(children.items.length, scopeCase.name).toBeGreaterThan(0);
      expect(children.items.filter((r) => !r.code.startsWith(scopeCase.scope)), scopeCase.name).toEqual([]);

      // Households: the list and its count stop at the scope, whatever region filter is asked for.
      const reader = await env.as('township_reviewer', scopeCase.scope);
      const householdsInScope = await env.db.pool.query('SELECT count(*)::int AS n FROM households WHERE village_code LIKE $1', [`${scopeCase.scope}%`]);
      expect(householdsInScope.rows[0].n, scopeCase.name).toBeGreaterThan(0);
      for (const region of [undefined, R.province, scopeCase.scope]) {
        const list = await reader.get(`/api/households?pageSize=200${region ? `&region=${region}` : ''}`);
        expect(list.statusCode, `${scopeCase.name} region=${region}`).toBe(200);
        const body = list.json() as { items: { villageCode: string }[]; total: number };
        expect(body.items.filter((h) => !h.villageCode.startsWith(scopeCase.scope)), `${scopeCase.name} region=${region}`).toEqual([]);
        expect(body.total, `${scopeCase.name} region=${region}`).toBe(householdsInScope.rows[0].n);
      }
      // A region filter outside the scope is a missing region, not an empty list.
      for (const region of [scopeCase.regionAt.sibling, scopeCase.regionAt.otherCounty]) {
        const outside = await reader.get(`/api/households?region=${region}`);
        expect(outside.statusCode, `${scopeCase.name} region=${region}`).toBe(404);
      }

      // Focus ledgers: the same scope (every fixture household is a poverty-exit household at 9,000 yuan a year).
      const focus = (await reader.get('/api/focus/ledger?group=low_income&pageSize=200')).json() as { items: { villageCode: string }[]; total: number };
      expect(focus.total, scopeCase.name).toBeGreaterThan(0);
      expect(focus.items.filter((h) => !h.villageCode.startsWith(scopeCase.scope)), scopeCase.name).toEqual([]);
      expect((await reader.get(`/api/focus/ledger?region=${scopeCase.regionAt.sibling}`)).statusCode, scopeCase.name).toBe(404);

      // Import jobs: only those run within the scope.
      const clerk = await env.as('village_clerk', scopeCase.scope);
      const jobs = (await clerk.get('/api/imports')).json() as { items: { id: string }[] };
      const jobScopes = await env.db.pool.query('SELECT scope FROM import_jobs WHERE id = ANY($1::uuid[])', [jobs.items.map((j) => j.id)]);
      expect(jobs.items.length, scopeCase.name).toBeGreaterThan(0);
      expect(jobScopes.rows.filter((j) => !String(j.scope).startsWith(scopeCase.scope)), scopeCase.name).toEqual([]);
    }
  });

  it('a household cannot be created in a village outside the caller scope', async () => {
    for (const scopeCase of SCOPES) {
      const clerk = await env.as('village_clerk', scopeCase.scope);
      for (const position of OUTSIDE) {
        const householdNo = unique('OUT-');
        const res = await clerk.post('/api/households', { householdNo, villageCode: scopeCase.villageAt[position], address: '一组', householdType: 'ordinary', assistanceStatus: 'none' });
        expect(res.statusCode, `${scopeCase.name} ${position}: ${res.body}`).toBe(400);
        expect(res.json().error.message).toBe('所选村不在您的管辖范围内');
        const stored = await env.db.pool.query('SELECT id FROM households WHERE household_no = $1', [householdNo]);
        expect(stored.rows, `${scopeCase.name} ${position}`).toEqual([]);
      }
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
