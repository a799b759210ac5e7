/**
 * `npm run bench` — the performance goals of ../shared/quality.md, measured as ratios in one run.
 * Options: --households N (default 250000, the city dataset), --backends pglite,postgresql, --formats csv,xlsx,
 * --only import,evaluate,dashboard (which benches), --requests N (dashboard builds timed per region, default 20).
 * Never part of `npm test`: it prints a table and exits 0.
 */
import { parseArgs } from 'node:util';
import { runImportBench } from './import-bench.ts';
import { runEvaluateBench } from './evaluate-bench.ts';
import { runDashboardBench } from './dashboard-bench.ts';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '250000' },
    backends: { type: 'string', default: process.env.DATABASE_URL ? 'pglite,postgresql' : 'pglite' },
    formats: { type: 'string', default: 'csv,xlsx' },
    only: { type: 'string', default: 'import,evaluate,dashboard' },
    requests: { type: 'string', default: '20' },
  },
});

const households = Number(values.households);
const backends = values.backends!.split(',') as Array<'pglite' | 'postgresql'>;
const formats = values.formats!.split(',') as Array<'csv' | 'xlsx'>;

if (values.only!.includes('import')) await runImportBench({ households, backends, formats });
if (values.only!.includes('evaluate')) await runEvaluateBench({ households, backends });
if (values.only!.includes('dashboard')) await runDashboardBench({ households, backends, requests: Number(values.requests) });
