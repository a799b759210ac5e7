import type { AppDeps } from '../../platform/http/context.ts';
import { RegionsService } from '../regions/regions.service.ts';
import { DEMO_COUNTY, generateDemoPassword, seedDemoAccounts, type DemoAccount } from './demo-accounts.ts';

export interface DemoResult {
  accounts: DemoAccount[] | null;
  password: string | null;
  passwordGenerated: boolean;
}

/**
 * The demo county: Diqing's divisions down to every village (香格里拉市, 德钦县, 维西傈僳族自治县) and one account
 * per role. Safe to run on every start: it only adds what is missing.
 */
export async function seedDemo(deps: AppDeps, demoPassword: string | null, log: (line: string) => void): Promise<DemoResult> {
  const regions = new RegionsService(deps);
  const loaded = await regions.loadDivisions(DEMO_COUNTY.slice(0, 4));
  if (loaded.inserted > 0) log(`已载入迪庆藏族自治州行政区划 ${loaded.inserted} 条`);
  const password = demoPassword ?? generateDemoPassword();
  const accounts = await seedDemoAccounts(deps, password);
  return { accounts, password: accounts ? password : null, passwordGenerated: accounts !== null && demoPassword === null };
}
