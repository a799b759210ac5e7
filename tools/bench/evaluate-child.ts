/**
 * One phase of the evaluation bench, in a process of its own so that its peak resident memory (VmHWM) is that
 * phase's alone — not the synthetic load's, which ran in the parent. Prints one `RESULT {json}` line.
 *
 *   node --import tsx tools/bench/evaluate-child.ts raw|evaluate <scope>   (DATABASE_URL or DATA_DIR selects the back end)
 */
import { readFileSync } from 'node:fs';
import { systemClock } from '../../packages/server/src/platform/clock.ts';
import { AuditLog } from '../../packages/server/src/platform/audit/audit-log.ts';
import { loadConfig } from '../../packages/server/src/platform/config.ts';
import { openDatabase } from '../../packages/server/src/platform/db/database.ts';
import { MonitoringService } from '../../packages/server/src/modules/monitoring/monitoring.service.ts';
import { factsPage } from '../../packages/server/src/modules/monitoring/monitoring.repository.ts';

const [phase, scope] = process.argv.slice(2) as ['raw' | 'evaluate', string];
if ((phase !== 'raw' && phase !== 'evaluate') || !scope) throw new Error('usage: evaluate-child.ts raw|evaluate <scope>');

/** The same page size as MonitoringService.evaluate. */
const PAGE = 5_000;

function hwmMb(pid: number | 'self'): number | null {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null; // a remote server, or no /proc
  }
}

const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
try {
  const deps = { db, config, clock: systemClock, audit: new AuditLog(db, systemClock) };
  const started = performance.now();
  let detail: Record<string, number>;
  if (phase === 'raw') {
    // The evaluation's own facts query, paged the same way, inside one transaction, with nothing done to the rows.
    let n = 0;
    let cursor: { county: string; id: string } | null = null;
    await db.transaction(async (tx) => {
      for (;;) {
        const page = await factsPage(tx.orm, scope, cursor, PAGE);
        if (page.length === 0) break;
        n += page.length;
        const last = page[page.length - 1]!;
        cursor = { county: last.county_code, id: last.id };
      }
    });
    detail = { households: n };
  } else {
    detail = await new MonitoringService(deps).evaluate({ userId: null, username: 'bench', scope });
  }
  const seconds = (performance.now() - started) / 1000;
  // PostgreSQL: the server back ends serving this database (local server only), whose peak is the server-side cost.
  let backendPeakMb: number | null = null;
  if (db.kind === 'postgresql') {
    const { rows } = await db.pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
    for (const r of rows) {
      const mb = hwmMb(r.pid);
      if (mb !== null) backendPeakMb = Math.max(backendPeakMb ?? 0, mb);
    }
  }
  console.log(`RESULT ${JSON.stringify({ phase, seconds, ...detail, peakMb: hwmMb('self'), backendPeakMb })}`);
} finally {
  await db.close();
}
