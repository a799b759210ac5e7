import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../packages/server/src/platform/db/database.ts';
import { migrate } from '../../packages/server/src/platform/db/migrate.ts';

/** A fresh, migrated database on either back end, thrown away afterwards. */
export interface FreshDatabase {
  db: Database;
  url: string | null;
  dataDir: string | null;
  drop: () => Promise<void>;
}

export async function freshDatabase(kind: 'pglite' | 'postgresql'): Promise<FreshDatabase> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zs-bench-'));
    const db = await openDatabase({ databaseUrl: null, dataDir: dir });
    await migrate(db);
    return { db, url: null, dataDir: dir, drop: async () => { await db.close().catch(() => undefined); rmSync(dir, { recursive: true, force: true }); } };
  }
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('the postgresql back end needs DATABASE_URL');
  const name = `zs_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: null });
  await migrate(db);
  return {
    db,
    url: url.toString(),
    dataDir: null,
    drop: async () => {
      await db.close().catch(() => undefined);
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** Peak resident memory of this process (the PGlite worker included) while `fn` runs. */
export async function withPeakMemory<T>(fn: () => Promise<T>): Promise<{ result: T; peakMb: number; seconds: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const result = await fn();
    return { result, peakMb: Math.round(peak / 1048576), seconds: (performance.now() - started) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

export function printTable(title: string, rows: Array<Record<string, string | number>>) {
  console.log(`\n${title}`);
  console.table(rows);
}
