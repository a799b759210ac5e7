import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../packages/server/src/platform/clock.ts';
import { AuditLog } from '../../packages/server/src/platform/audit/audit-log.ts';
import { loadConfig } from '../../packages/server/src/platform/config.ts';
import type { AppDeps } from '../../packages/server/src/platform/http/context.ts';
import { RegionsService } from '../../packages/server/src/modules/regions/regions.service.ts';
import { currentVillages } from '../../packages/server/src/modules/demo/population-loader.ts';
import { writePopulationCsv, writePopulationXlsx } from '../../packages/server/src/modules/demo/population-files.ts';
import { demoPeriods } from '../../packages/server/src/modules/demo/demo.service.ts';
import { runCli, target0 } from './bench-cli.ts';
import { DEFAULT_IMPORT_LIMITS, readRows, type FileKind } from '../../packages/server/src/modules/imports/file-source.ts';
import type { CopyValue, Database } from '../../packages/server/src/platform/db/database.ts';
import { freshDatabase, printTable, withPeakMemory } from './bench-db.ts';

/** 曲靖市 (Yunnan), a real city of the seeds: its villages carry the city dataset. */
const CITY = '5303';
const LIMITS = { ...DEFAULT_IMPORT_LIMITS, maxRowsPerSheet: 1_048_575, maxFileBytes: 4 * 1024 ** 3, maxUncompressedBytes: 16 * 1024 ** 3 };

function depsFor(db: Database): AppDeps {
  return { db, config: loadConfig({}), clock: systemClock, audit: new AuditLog(db, systemClock) };
}

/** The floor: stream-parse the file (no checks) + COPY the same rows as text into bare tables. */
async function floor(db: Database, files: Array<{ path: string; name: string }>, kind: FileKind) {
  const parse = await withPeakMemory(async () => {
    let n = 0;
    for (const f of files) for await (const row of readRows(f.path, kind, f.name, LIMITS)) n += row.values.length > 0 ? 1 : 0;
    return n;
  });
  const copy = await withPeakMemory(async () => {
    let n = 0;
    for (const f of files) {
      let table = '';
      let batch: CopyValue[][] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await db.transaction((tx) => tx.copyRows(table, Array.from({ length: 40 }, (_, i) => `c${i}`), batch));
        n += batch.length;
        batch = [];
      };
      for await (const row of readRows(f.path, kind, f.name, LIMITS)) {
        const t = `bare_${Buffer.from(row.sheet).toString('hex').slice(0, 16)}`;
        if (t !== table) {
          await flush();
          table = t;
          await db.pool.query(`CREATE TABLE IF NOT EXISTS ${table} (${Array.from({ length: 40 }, (_, i) => `c${i} text`).join(', ')})`);
        }
        const values = Array.from({ length: 40 }, (_, i) => (row.values[i] === undefined || row.values[i] === null ? null : String(row.values[i])));
        batch.push(values);
        if (batch.length >= 20_000) await flush();
      }
      await flush();
    }
    return n;
  });
  // COPY time alone: the copy pass re-parses the file, so its parse share is taken off.
  return { parseSeconds: parse.seconds, copySeconds: Math.max(0, copy.seconds - parse.seconds), rows: parse.result };
}

export async function runImportBench(o: { households: number; backends: Array<'pglite' | 'postgresql'>; formats: Array<'csv' | 'xlsx'> }) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'zs-bench-files-'));
  const results: Array<Record<string, string | number>> = [];
  try {
    for (const backend of o.backends) {
      for (const format of o.formats) {
        const dbHandle = await freshDatabase(backend);
        const { db, drop } = dbHandle;
        try {
          const deps = depsFor(db);
          await new RegionsService(deps).loadDivisions(CITY);
          const villages = await currentVillages(deps, CITY);
          const options = { villages, households: o.households, seed: 11, ...demoPeriods(new Date()), fullYears: [2025], currentYear: 2026, currentQuarters: 0 };
          const target = format === 'xlsx' ? path.join(work, 'city.xlsx') : path.join(work, 'city-csv');
          console.log(`[${backend}/${format}] writing ${o.households.toLocaleString()} households …`);
          if (format === 'xlsx') await writePopulationXlsx(target, options);
          else await writePopulationCsv(target, options);
          const files = format === 'xlsx' ? [{ path: target, name: 'city.xlsx' }] : readdirSync(target).sort().reverse().map((f) => ({ path: path.join(target, f), name: f }));
          // households first, then members, then income: 户信息, 成员信息, 收入信息
          files.sort((a, b) => order(a.name) - order(b.name));
          console.log(`[${backend}/${format}] floor: stream-parse + COPY into bare tables …`);
          const fl = await floor(db, files, format);
          console.log(`[${backend}/${format}] import through the real path (npx zengshou import, its own process) …`);
          await db.pool.query(`DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables WHERE tablename LIKE 'bare_%' LOOP EXECUTE 'DROP TABLE ' || t; END LOOP; END $$`);
          await db.close(); // PGlite: one process at a time on a data folder
          let seconds = 0;
          let peakMb = 0;
          const failed: string[] = [];
          for (const f of files) {
            const run = await runCli(['import', f.path, '--mode', 'valid-rows', '--scope', CITY, '--max-rows', '1048575'], target0(backend, dbHandle));
            seconds += run.seconds;
            peakMb = Math.max(peakMb, run.peakMb);
            if (run.code !== 0) failed.push(run.output.slice(-200));
          }
          const floorSeconds = fl.parseSeconds + fl.copySeconds;
          results.push({
            backend, format, rows: fl.rows, 'import s': seconds.toFixed(1), 'rows/s': Math.round(fl.rows / seconds),
            'parse s': fl.parseSeconds.toFixed(1), 'COPY s': fl.copySeconds.toFixed(1), 'floor s': floorSeconds.toFixed(1),
            'import ÷ floor (goal ≤ 2)': (seconds / floorSeconds).toFixed(2), 'peak RSS MB (goal ≤ 512)': peakMb,
            ...(failed.length ? { failed: failed.join(' | ').slice(0, 120) } : {}),
          });
        } finally {
          await drop();
          rmSync(path.join(work, 'city.xlsx'), { force: true });
          rmSync(path.join(work, 'city-csv'), { recursive: true, force: true });
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  printTable(`Import — ${o.households.toLocaleString()} households (quality.md goal 1)`, results);
}

function order(name: string) {
  return name.startsWith('户') || name.includes('city') ? 0 : name.startsWith('成员') ? 1 : 2;
}
