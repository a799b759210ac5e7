import { systemClock } from '../../packages/server/src/platform/clock.ts';
import { AuditLog } from '../../packages/server/src/platform/audit/audit-log.ts';
import { loadConfig } from '../../packages/server/src/platform/config.ts';
import { RegionsService } from '../../packages/server/src/modules/regions/regions.service.ts';
import { loadSyntheticPopulation } from '../../packages/server/src/modules/demo/population-loader.ts';
import { MonitoringService } from '../../packages/server/src/modules/monitoring/monitoring.service.ts';
import { factsPage, setLine } from '../../packages/server/src/modules/monitoring/monitoring.repository.ts';
import { freshDatabase, printTable, withPeakMemory } from './bench-db.ts';

const CITY = '5303';

/**
 * Quality goal 2: evaluating every household ≤ 2 × one raw SQL pass computing the same facts. The raw pass is the
 * evaluation's own facts query, paged the same way, with nothing done to the rows.
 */
export async function runEvaluateBench(o: { households: number; backends: Array<'pglite' | 'postgresql'> }) {
  const results: Array<Record<string, string | number>> = [];
  for (const backend of o.backends) {
    const { db, drop } = await freshDatabase(backend);
    try {
      const deps = { db, config: loadConfig({}), clock: systemClock, audit: new AuditLog(db, systemClock) };
      await new RegionsService(deps).loadDivisions(CITY);
      console.log(`[${backend}] loading ${o.households.toLocaleString()} households …`);
      await loadSyntheticPopulation(deps, CITY, { households: o.households, seed: 5, fullYears: [2024, 2025], currentYear: 2026, currentQuarters: 3 });
      await db.transaction(async (tx) => {
        for (const year of [2024, 2025, 2026]) await setLine(tx, { regionCode: '53', year, amountFen: 870_000 + (year - 2024) * 30_000, method: 'manual', inputs: null, note: null, by: null, at: new Date() });
      });
      const raw = await withPeakMemory(async () => {
        let n = 0;
        let cursor: { county: string; id: string } | null = null;
        await db.transaction(async (tx) => {
          for (;;) {
            const page = await factsPage(tx.orm, CITY, cursor, 5_000);
            if (page.length === 0) break;
            n += page.length;
            const last = page[page.length - 1]!;
            cursor = { county: last.county_code, id: last.id };
          }
        });
        return n;
      });
      const service = new MonitoringService(deps);
      const first = await withPeakMemory(() => service.evaluate({ userId: null, username: 'bench', scope: CITY }));
      const again = await withPeakMemory(() => service.evaluate({ userId: null, username: 'bench', scope: CITY }));
      results.push({
        backend, households: raw.result, 'raw facts pass s': raw.seconds.toFixed(1), 'evaluate (first) s': first.seconds.toFixed(1),
        'evaluate (again) s': again.seconds.toFixed(1), 'first ÷ raw (goal ≤ 2)': (first.seconds / raw.seconds).toFixed(2),
        'again ÷ raw': (again.seconds / raw.seconds).toFixed(2), 'warnings opened': first.result.opened, 'opened again': again.result.opened,
      });
    } finally {
      await drop();
    }
  }
  printTable(`Rule evaluation — ${o.households.toLocaleString()} households (quality.md goal 2)`, results);
}
