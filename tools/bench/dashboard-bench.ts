import { systemClock } from '../../packages/server/src/platform/clock.ts';
import { AuditLog } from '../../packages/server/src/platform/audit/audit-log.ts';
import { loadConfig } from '../../packages/server/src/platform/config.ts';
import type { Actor, AppDeps } from '../../packages/server/src/platform/http/context.ts';
import { queryOne, queryRows, sql } from '../../packages/server/src/platform/db/sql.ts';
import { RegionsService } from '../../packages/server/src/modules/regions/regions.service.ts';
import { loadSyntheticPopulation } from '../../packages/server/src/modules/demo/population-loader.ts';
import { DashboardService } from '../../packages/server/src/modules/dashboard/dashboard.service.ts';
import { refreshStaleRollups } from '../../packages/server/src/modules/rollups/rollups.service.ts';
import { freshDatabase, printTable } from './bench-db.ts';

const CITY = '5303';
const s = (n: number) => n.toFixed(1);
const ms = (n: number) => (n * 1000).toFixed(1);

function viewer(scope: string): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000', username: 'bench', displayName: 'bench', roles: ['viewer'],
    permissions: new Set(['registry:read']), scope, sessionIdHash: '', csrfToken: '', mustChangePassword: false,
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await fn();
  return { result, seconds: (performance.now() - started) / 1000 };
}

/** Median seconds of `n` dashboard builds of each region, taken in turns so that noise on the machine hits all alike. */
async function dashboardTimes(service: DashboardService, regions: readonly string[], n: number): Promise<number[]> {
  for (const region of regions) await service.build(viewer(region), { region });
  const times = regions.map((): number[] => []);
  for (let i = 0; i < n; i++) {
    for (const [k, region] of regions.entries()) times[k]!.push((await timed(() => service.build(viewer(region), { region }))).seconds);
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!);
}

interface Row {
  backend: string;
  cityHouseholds: number;
  county: string;
  countyHouseholds: number;
  load: number;
  firstRefresh: number;
  oneVillageRefresh: number;
  city: number;
  countyTime: number;
  township: number;
}

/**
 * Quality goal 3: a city's dashboard (every household of the city) costs about what one county's does — the read is
 * over pre-aggregated rows, so city ÷ county ≤ 1.5 whatever the number of households. Also reported: the first
 * refresh after a bulk load (every village), and the refresh after a one-household write (one village re-done).
 */
export async function runDashboardBench(o: { households: number; backends: Array<'pglite' | 'postgresql'>; requests: number }) {
  const rows: Row[] = [];
  for (const backend of o.backends) {
    const { db, drop } = await freshDatabase(backend);
    try {
      const deps: AppDeps = { db, config: loadConfig({}), clock: systemClock, audit: new AuditLog(db, systemClock) };
      await new RegionsService(deps).loadDivisions(CITY);
      console.log(`[${backend}] loading ${o.households.toLocaleString()} households …`);
      const load = await timed(() => loadSyntheticPopulation(deps, CITY, { households: o.households, seed: 5, fullYears: [2024, 2025], currentYear: 2026, currentQuarters: 3 }));
      console.log(`[${backend}] loaded in ${s(load.seconds)} s; first refresh of every village …`);
      const first = await timed(() => refreshStaleRollups(deps));
      console.log(`[${backend}]   ${s(first.seconds)} s`);

      const biggest = await queryOne<{ county: string; n: number }>(db.orm, sql`SELECT county_code AS county, count(*)::int8 AS n
        FROM households GROUP BY county_code ORDER BY count(*) DESC LIMIT 1`);
      const township = await queryOne<{ code: string }>(db.orm, sql`SELECT left(village_code, 9) AS code FROM households
        WHERE county_code = ${biggest!.county} GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
      const [one] = await queryRows<{ id: string }>(db.orm, sql`SELECT id FROM households WHERE county_code = ${biggest!.county} LIMIT 1`);
      await db.orm.execute(sql`UPDATE income_records SET remark = 'bench' WHERE county_code = ${biggest!.county} AND household_id = ${one!.id} AND superseded_at IS NULL`);
      const small = await timed(() => refreshStaleRollups(deps));

      const service = new DashboardService(deps);
      console.log(`[${backend}] ${o.requests} dashboards each: city, county ${biggest!.county}, township ${township!.code} …`);
      const [city, countyTime, townshipTime] = await dashboardTimes(service, [CITY, biggest!.county, township!.code], o.requests) as [number, number, number];
      rows.push({
        backend, cityHouseholds: o.households, county: biggest!.county, countyHouseholds: biggest!.n, load: load.seconds,
        firstRefresh: first.seconds, oneVillageRefresh: small.seconds, city, countyTime, township: townshipTime,
      });
    } finally {
      await drop();
    }
  }

  const title = `Dashboards — city of ${o.households.toLocaleString()} households vs its largest county (quality.md goal 3: city ÷ county ≤ 1.5)`;
  printTable(title, rows.map((r) => ({
    backend: r.backend, 'city ms': ms(r.city), 'county ms': ms(r.countyTime), 'city ÷ county': (r.city / r.countyTime).toFixed(2),
    'township ms': ms(r.township), 'households ratio': (r.cityHouseholds / r.countyHouseholds).toFixed(1),
    'first refresh s': s(r.firstRefresh), 'one-village refresh ms': ms(r.oneVillageRefresh),
  })));
  console.log(`\n### ${title}\n`);
  console.log(`Median of ${o.requests} builds each (DashboardService.build: stale check, rollup reads, targets; no HTTP).\n`);
  console.log('| back end | city households | county (households) | city dashboard (ms) | county dashboard (ms) | city ÷ county | township (ms) | load (s) | first refresh, all villages (s) | refresh after one write (ms) |');
  console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.backend} | ${r.cityHouseholds.toLocaleString('en-US')} | ${r.county} (${r.countyHouseholds.toLocaleString('en-US')}) | ${ms(r.city)} | ${ms(r.countyTime)} | ${(r.city / r.countyTime).toFixed(2)} | ${ms(r.township)} | ${s(r.load)} | ${s(r.firstRefresh)} | ${ms(r.oneVillageRefresh)} |`);
  }
}
