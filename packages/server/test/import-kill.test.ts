/**
 * Kill -9 during a 100k-row import, 20 times, then run it to the end (quality.md reliability test #10):
 * after every kill the live tables hold either nothing of the file or all of it, never a part and never twice;
 * the final run completes it exactly once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabaseTarget, loadTestRegions, DB_KIND, R } from './harness.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { currentVillages } from '../src/modules/demo/population-loader.ts';
import { writePopulationXlsx } from '../src/modules/demo/population-files.ts';
import { systemClock } from '../src/platform/clock.ts';
import { AuditLog } from '../src/platform/audit/audit-log.ts';
import { loadConfig, paths } from '../src/platform/config.ts';

const KILLS = 20;
let target: Awaited<ReturnType<typeof openTestDatabaseTarget>>;
let file = '';
let expected = { households: 0, members: 0, income: 0 };
let workDir = '';

async function open(): Promise<Database> {
  return openDatabase({ databaseUrl: target.url, dataDir: target.dataDir });
}

beforeAll(async () => {
  target = await openTestDatabaseTarget();
  workDir = mkdtempSync(path.join(os.tmpdir(), 'zs-kill-'));
  const db = await open();
  await migrate(db);
  await loadTestRegions(db);
  const villages = await currentVillages({ db, config: loadConfig({}), clock: systemClock, audit: new AuditLog(db, systemClock) }, R.county);
  await db.close();
  file = path.join(workDir, 'population.xlsx');
  const counts = await writePopulationXlsx(file, { villages, households: 6_500, seed: 7, fullYears: [2024, 2025], currentYear: 2026, currentQuarters: 3 });
  expected = { households: counts['户信息']!, members: counts['成员信息']!, income: counts['收入信息']! };
  expect(expected.households + expected.members + expected.income).toBeGreaterThanOrEqual(100_000);
}, 300_000);

afterAll(async () => {
  await target?.drop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function runImport(killAfterMs: number | null): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(paths.repoRoot, 'packages/server/bin/zengshou.js'), 'import', file, '--mode', 'all-or-nothing'], {
      cwd: paths.repoRoot,
      env: { ...process.env, DATABASE_URL: target.url ?? '', DATA_DIR: target.dataDir ?? workDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString().slice(-500)));
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

async function liveCounts() {
  const db = await open();
  try {
    const r = await db.pool.query(`SELECT
      (SELECT count(*) FROM households) AS households, (SELECT count(DISTINCT household_no) FROM households) AS household_nos,
      (SELECT count(*) FROM members) AS members, (SELECT count(DISTINCT id_number) FROM members) AS id_numbers,
      (SELECT count(*) FROM income_records WHERE superseded_at IS NULL) AS income,
      (SELECT count(*) FROM income_records) AS income_all,
      (SELECT count(*) FROM households WHERE member_count <> (SELECT count(*) FROM members m WHERE m.household_id = households.id)) AS bad_counts`);
    return r.rows[0] as Record<string, number>;
  } finally {
    await db.close();
  }
}

describe(`kill -9 during import (${DB_KIND})`, () => {
  it(`leaves nothing half-applied after ${KILLS} kills, and a final run completes the import exactly once`, async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      // Kill points spread over reading, checking and the merge (a full PGlite run of this file takes ~20 s).
      const delay = 700 + Math.round((i / KILLS) * (DB_KIND === 'pglite' ? 19_000 : 11_000));
      const run = await runImport(delay);
      outcomes.push(run.signal === 'SIGKILL' ? `killed@${delay}ms` : `exit ${run.code}`);
      const c = await liveCounts();
      const none = c.households === 0 && c.members === 0 && c.income === 0;
      const all = c.households === expected.households && c.members === expected.members && c.income === expected.income;
      expect(none || all, `after run ${i} (${outcomes[i]}): ${JSON.stringify(c)}`).toBe(true);
      expect(c.household_nos).toBe(c.households);
      expect(c.id_numbers).toBe(c.members);
      expect(c.income_all).toBe(c.income); // no revision from a repeated import of the same values
      expect(c.bad_counts).toBe(0);
    }
    expect(outcomes.filter((o) => o.startsWith('killed')).length, outcomes.join(', ')).toBeGreaterThanOrEqual(KILLS / 2);

    const final = await runImport(null);
    expect(final.code, final.output).toBe(0);
    const c = await liveCounts();
    expect(c).toMatchObject({ households: expected.households, members: expected.members, income: expected.income, income_all: expected.income, bad_counts: 0 });

    const db = await open();
    try {
      const jobs = await db.pool.query(`SELECT status, count(*) AS n FROM import_jobs GROUP BY status`);
      const byStatus = Object.fromEntries(jobs.rows.map((r) => [r.status, r.n]));
      expect(byStatus.running ?? 0).toBe(0); // killed runs were marked 'interrupted' by the next start
      const staged = await db.pool.query(`SELECT (SELECT count(*) FROM import_stage_households) + (SELECT count(*) FROM import_stage_members) + (SELECT count(*) FROM import_stage_income) AS n`);
      expect(staged.rows[0].n).toBe(0);
    } finally {
      await db.close();
    }
  }, 900_000);
});
