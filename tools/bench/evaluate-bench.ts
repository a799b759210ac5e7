import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../packages/server/src/platform/clock.ts';
import { AuditLog } from '../../packages/server/src/platform/audit/audit-log.ts';
import { loadConfig } from '../../packages/server/src/platform/config.ts';
import { RegionsService } from '../../packages/server/src/modules/regions/regions.service.ts';
import { loadSyntheticPopulation } from '../../packages/server/src/modules/demo/population-loader.ts';
import { setLine } from '../../packages/server/src/modules/monitoring/monitoring.repository.ts';
import { runNode, target0 } from './bench-cli.ts';
import { freshDatabase, printTable } from './bench-db.ts';

const CITY = '5303';
const CHILD = path.join(import.meta.dirname, 'evaluate-child.ts');

interface PhaseResult {
  phase: 'raw' | 'evaluate';
  seconds: number;
  households: number;
  householdsWithWarnings?: number;
  opened?: number;
  updated?: number;
  closed?: number;
  /** VmHWM of the phase's own process (for PGlite this includes the database itself, which runs in a worker thread). */
  peakMb: number | null;
  /** PostgreSQL only: the highest VmHWM of the server back ends that served the phase (shared buffers included). */
  backendPeakMb: number | null;
  wallSeconds: number;
}

const s = (n: number) => n.toFixed(1);
const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(0)} s`;
/** The machine's 1-minute load average: other work on the machine slows every figure alike. */
const load1 = () => `load ${os.loadavg()[0]!.toFixed(1)}/${os.cpus().length} cores`;

/** One phase in a fresh process of its own: its time is the phase's, its peak memory too (the load's is not carried in). */
async function phase(kind: 'raw' | 'evaluate', env: Record<string, string>): Promise<PhaseResult> {
  const run = await runNode(['--import', 'tsx', CHILD, kind, CITY], env);
  const line = run.output.split('\n').find((l) => l.startsWith('RESULT '));
  if (run.code !== 0 || !line) throw new Error(`bench phase ${kind} failed (exit ${run.code}):\n${run.output.slice(-2000)}`);
  const r = JSON.parse(line.slice('RESULT '.length)) as PhaseResult;
  return { ...r, peakMb: Math.max(r.peakMb ?? 0, run.peakMb), wallSeconds: run.seconds };
}

/**
 * Quality goal 2: evaluating every household ≤ 2 × one raw SQL pass computing the same facts. The raw pass is the
 * evaluation's own facts query, paged the same way, with nothing done to the rows. Each of the three measured
 * phases (raw pass, first evaluation, re-evaluation of unchanged data) runs in its own process on the loaded
 * database, so that each reports its own peak resident memory.
 */
export async function runEvaluateBench(o: { households: number; backends: Array<'pglite' | 'postgresql'> }) {
  const rows: Array<{ backend: string; households: number; load: number; raw: PhaseResult; first: PhaseResult; again: PhaseResult; wall: number }> = [];
  for (const backend of o.backends) {
    const t0 = performance.now();
    const handle = await freshDatabase(backend);
    const { db, drop } = handle;
    try {
      const deps = { db, config: loadConfig({}), clock: systemClock, audit: new AuditLog(db, systemClock) };
      await new RegionsService(deps).loadDivisions(CITY);
      console.log(`[${backend}] loading ${o.households.toLocaleString()} households …`);
      const loadStarted = performance.now();
      let reported = 0;
      await loadSyntheticPopulation(deps, CITY, { households: o.households, seed: 5, fullYears: [2024, 2025], currentYear: 2026, currentQuarters: 3 }, (done, total) => {
        if (done - reported >= 50_000 || done === total) {
          reported = done;
          console.log(`[${backend}]   loaded ${done.toLocaleString()} / ${total.toLocaleString()} (${elapsed(loadStarted)}, rss ${Math.round(process.memoryUsage().rss / 1048576)} MB, ${load1()})`);
        }
      });
      const load = (performance.now() - loadStarted) / 1000;
      console.log(`[${backend}] loaded in ${s(load)} s (incl. ANALYZE)`);
      await db.transaction(async (tx) => {
        for (const year of [2024, 2025, 2026]) await setLine(tx, { regionCode: '53', year, amountFen: 870_000 + (year - 2024) * 30_000, method: 'manual', inputs: null, note: null, by: null, at: new Date() });
      });
      await db.close(); // PGlite: one process at a time on a data folder; each phase opens the database afresh
      const env = target0(backend, handle);
      console.log(`[${backend}] raw facts pass …`);
      const raw = await phase('raw', env);
      console.log(`[${backend}]   ${s(raw.seconds)} s, ${raw.households.toLocaleString()} households, peak RSS ${raw.peakMb} MB, ${load1()}`);
      console.log(`[${backend}] full evaluation …`);
      const first = await phase('evaluate', env);
      console.log(`[${backend}]   ${s(first.seconds)} s, opened ${first.opened}, peak RSS ${first.peakMb} MB, ${load1()}`);
      console.log(`[${backend}] re-evaluation (unchanged data) …`);
      const again = await phase('evaluate', env);
      console.log(`[${backend}]   ${s(again.seconds)} s, opened ${again.opened}, updated ${again.updated}, closed ${again.closed}, peak RSS ${again.peakMb} MB, ${load1()}`);
      rows.push({ backend, households: raw.households, load, raw, first, again, wall: (performance.now() - t0) / 1000 });
    } finally {
      await drop(); // closes the database if still open (a second close is caught), then throws it away
    }
  }

  const title = `Rule evaluation — ${o.households.toLocaleString()} households (quality.md goal 2: full evaluation ≤ 2 × raw facts pass)`;
  printTable(title, rows.map((r) => ({
    backend: r.backend, households: r.households, 'raw s': s(r.raw.seconds), 'evaluate s': s(r.first.seconds),
    'ratio': (r.first.seconds / r.raw.seconds).toFixed(2), 're-evaluate s': s(r.again.seconds), 're ratio': (r.again.seconds / r.raw.seconds).toFixed(2),
    'peak RSS MB': peak(r), 'opened': r.first.opened ?? '', 'opened again': r.again.opened ?? '',
  })));

  console.log(`\n### ${title}\n`);
  console.log('| back end | households | raw facts pass (s) | full evaluation (s) | ratio | re-evaluation (s) | ratio | peak RSS |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    const rss = `${peak(r)} MB${r.backend === 'postgresql' && backendPeak(r) !== null ? ` (+ server back end ${backendPeak(r)} MB)` : ''}`;
    console.log(`| ${r.backend} | ${r.households.toLocaleString('en-US')} | ${s(r.raw.seconds)} | ${s(r.first.seconds)} | ${(r.first.seconds / r.raw.seconds).toFixed(2)} | ${s(r.again.seconds)} | ${(r.again.seconds / r.raw.seconds).toFixed(2)} | ${rss} |`);
  }
  console.log('\nPer phase (each in its own process; peak RSS = VmHWM of that process, PGlite included; server = PostgreSQL back end VmHWM, shared buffers included):\n');
  console.log('| back end | load (s) | raw: peak RSS | evaluation: peak RSS · opened / updated / closed · households with warnings | re-evaluation: peak RSS · opened / updated / closed | back-end wall (s) |');
  console.log('|---|---:|---|---|---|---:|');
  for (const r of rows) {
    const mem = (p: PhaseResult) => `${p.peakMb} MB${p.backendPeakMb !== null ? ` + server ${p.backendPeakMb} MB` : ''}`;
    console.log(`| ${r.backend} | ${s(r.load)} | ${mem(r.raw)} | ${mem(r.first)} · ${r.first.opened} / ${r.first.updated} / ${r.first.closed} · ${r.first.householdsWithWarnings} | ${mem(r.again)} · ${r.again.opened} / ${r.again.updated} / ${r.again.closed} | ${s(r.wall)} |`);
  }
}

function peak(r: { raw: PhaseResult; first: PhaseResult; again: PhaseResult }) {
  return Math.max(r.raw.peakMb ?? 0, r.first.peakMb ?? 0, r.again.peakMb ?? 0);
}

function backendPeak(r: { raw: PhaseResult; first: PhaseResult; again: PhaseResult }) {
  const all = [r.raw, r.first, r.again].map((p) => p.backendPeakMb).filter((v): v is number => v !== null);
  return all.length ? Math.max(...all) : null;
}
