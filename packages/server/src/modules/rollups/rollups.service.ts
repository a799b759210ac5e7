import { focusLedgerConfigSchema } from '@zengshou/core';
import type { AppDeps } from '../../platform/http/context.ts';
import { readSetting } from '../settings/settings.repository.ts';
import * as repo from './rollups.repository.ts';

const unique = (codes: string[]) => [...new Set(codes)];
const ANALYZE_AFTER_VILLAGES = 200;

/**
 * Brings every stale rollup row up to date (after the demo load, imports, evaluations, income saves, case steps, and
 * before a dashboard read). The villages to redo were marked by triggers in the writers' own transactions; they are
 * recomputed set-based, their townships and counties re-summed, and the marks cleared, all in one transaction, with
 * each county locked so concurrent refreshes of the same county run one after the other. `scope` limits the work to
 * villages under a region prefix (a dashboard read refreshes only what it shows).
 */
export async function refreshStaleRollups(deps: AppDeps, opts: { scope?: string } = {}): Promise<void> {
  const scope = opts.scope ?? '';
  if (!(await repo.hasStaleVillages(deps.db.orm, scope))) return;
  const stored = await readSetting<unknown>(deps.db.orm, 'focusLedgers');
  const focus = focusLedgerConfigSchema.parse(stored?.value ?? {});
  const rules: repo.RefreshRules = { lowIncomeThresholdFen: focus.lowIncomeThresholdFen, focusHouseholdTypes: focus.householdTypes };
  const at = deps.clock.now();
  const redone = await deps.db.transaction(async (tx) => {
    const counties = await repo.staleCounties(tx.orm, scope);
    for (const county of counties) await repo.lockCounty(tx.orm, county);
    const marks = await repo.takeStaleVillages(tx.orm, counties, scope);
    if (marks.length === 0) return 0;
    const villages = marks.map((m) => m.village);
    const incomeVillages = marks.filter((m) => m.income).map((m) => m.village);
    await repo.recomputeVillageCounts(tx.orm, villages, rules, at);
    await repo.recomputeVillageIncome(tx.orm, incomeVillages, rules, at);
    for (const [tables, redone] of [[['rollup_counts', 'rollup_due'], villages], [['rollup_income'], incomeVillages]] as const) {
      await repo.resumParents(tx.orm, tables, 'township', 'village', unique(redone.map((v) => v.slice(0, 9))), at);
      await repo.resumParents(tx.orm, tables, 'county', 'township', unique(redone.map((v) => v.slice(0, 6))), at);
    }
    return villages.length;
  });
  // After a bulk refresh the planner needs fresh statistics to keep dashboard reads on the indexes (PGlite has no
  // autovacuum, and PostgreSQL's may come minutes later).
  if (redone >= ANALYZE_AFTER_VILLAGES) await repo.analyzeRollups(deps.db.orm);
}

/**
 * For writers: waits for their committed work, then refreshes the villages it marked, so the next dashboard read
 * finds nothing to do. A failed refresh does not fail the write (it is committed, and its villages stay marked: the
 * next refresh, at the latest the dashboard read, redoes them and reports the error there).
 */
export async function thenRefreshRollups<T>(deps: AppDeps, work: Promise<T>): Promise<T> {
  const result = await work;
  await refreshRollupsAfterWrite(deps);
  return result;
}

export async function refreshRollupsAfterWrite(deps: AppDeps): Promise<void> {
  await refreshStaleRollups(deps).catch(() => undefined);
}
