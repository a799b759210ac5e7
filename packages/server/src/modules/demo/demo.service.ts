import type { AppDeps } from '../../platform/http/context.ts';
import { RegionsService } from '../regions/regions.service.ts';
import { DEMO_COUNTY, DEMO_TOWNSHIP, generateDemoPassword, seedDemoAccounts, type DemoAccount } from './demo-accounts.ts';
import { seedDemoCases } from '../cases/demo-cases.ts';
import { seedDemoFocusPlans } from '../focus/focus-demo.ts';
import { seedDemoTargets } from '../targets/targets-demo.ts';
import { refreshStaleRollups } from '../rollups/rollups.service.ts';
import { loadSyntheticPopulation } from './population-loader.ts';
import { queryOne, sql } from '../../platform/db/sql.ts';
import { proposeLineByFactors } from '@zengshou/core';
import { setLine } from '../monitoring/monitoring.repository.ts';
import { MonitoringService } from '../monitoring/monitoring.service.ts';

/**
 * Yunnan's monitoring line: 8,700 yuan for 2024 and 2025 (domain.md §2). The current year's is proposed from the
 * three factors as the province would (illustrative growth rates), and recorded with its method and inputs. After
 * the lines, one evaluation opens the demo county's first warnings.
 */
async function seedMonitoringLines(deps: AppDeps, log: (line: string) => void) {
  const existing = await queryOne<{ n: number }>(deps.db.orm, sql`SELECT count(*)::int8 AS n FROM monitoring_lines`);
  if ((existing?.n ?? 0) > 0) return;
  const year = deps.clock.now().getUTCFullYear();
  const factors = { previousLineFen: 870_000, cpiGrowthPct: 0.4, ruralIncomeGrowthPct: 6.2, dibaoGrowthPct: 4.5 };
  const proposal = proposeLineByFactors(factors);
  await deps.db.transaction(async (tx) => {
    for (const y of [year - 2, year - 1]) {
      await setLine(tx, { regionCode: '53', year: y, amountFen: 870_000, method: 'manual', inputs: { source: '云南省 2024、2025 年监测收入线' }, note: null, by: null, at: deps.clock.now() });
    }
    await setLine(tx, { regionCode: '53', year, amountFen: proposal.amountFen, method: 'factors', inputs: factors, note: proposal.explanation, by: null, at: deps.clock.now() });
  });
  const result = await new MonitoringService(deps).evaluate({ userId: null, username: 'demo', scope: DEMO_COUNTY });
  log(`监测线已设定（云南省 ${year} 年 ${(proposal.amountFen / 100).toLocaleString('zh-CN')} 元）；首次研判：${result.householdsWithWarnings} 户有预警`);
}

/** About as many households as Weixi county registers (seed 004: 83 villages). */
export const DEMO_HOUSEHOLDS = 40_000;

/** Two full years and the quarters of this year already closed, so the demo always looks current. */
export function demoPeriods(now: Date) {
  const year = now.getUTCFullYear();
  return { fullYears: [year - 2, year - 1], currentYear: year, currentQuarters: Math.floor(now.getUTCMonth() / 3) };
}

export interface DemoResult {
  accounts: DemoAccount[] | null;
  password: string | null;
  passwordGenerated: boolean;
}

/**
 * The demo county: Diqing's divisions down to every village (香格里拉市, 德钦县, 维西傈僳族自治县) and one account
 * per role. Safe to run on every start: it only adds what is missing.
 */
export async function seedDemo(
  deps: AppDeps,
  demoPassword: string | null,
  log: (line: string) => void,
  households = DEMO_HOUSEHOLDS,
): Promise<DemoResult> {
  const regions = new RegionsService(deps);
  const loaded = await regions.loadDivisions(DEMO_COUNTY.slice(0, 4));
  if (loaded.inserted > 0) log(`已载入迪庆藏族自治州行政区划 ${loaded.inserted} 条`);
  const existing = await queryOne<{ n: number }>(deps.db.orm, sql`SELECT count(*)::int8 AS n FROM households WHERE county_code = ${DEMO_COUNTY}`);
  if ((existing?.n ?? 0) === 0 && households > 0) {
    log(`正在生成演示数据：维西傈僳族自治县 ${households.toLocaleString('zh-CN')} 户（仅首次启动）…`);
    const started = Date.now();
    let lastShown = 0;
    const totals = await loadSyntheticPopulation(deps, DEMO_COUNTY, { households, seed: 20_210_423, ...demoPeriods(deps.clock.now()) }, (done, total) => {
      if (done - lastShown >= total / 10 || done === total) {
        lastShown = done;
        log(`  ${Math.round((done / total) * 100)}%  ${done.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')} 户`);
      }
    });
    log(`演示数据已载入：${totals.households} 户、${totals.members} 人、${totals.incomeRecords} 条季度收入（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
  }
  await seedMonitoringLines(deps, log);
  const password = demoPassword ?? generateDemoPassword();
  const accounts = await seedDemoAccounts(deps, password);
  await seedDemoCases(deps, DEMO_TOWNSHIP, log);
  await seedDemoFocusPlans(deps, DEMO_TOWNSHIP, log);
  await seedDemoTargets(deps, log);
  await refreshStaleRollups(deps);
  return { accounts, password: accounts ? password : null, passwordGenerated: accounts !== null && demoPassword === null };
}
