import { logicCheckConfigSchema, type LogicCheckConfig } from '@zengshou/core';
import type { Executor } from '../../platform/db/database.ts';
import { readSetting } from '../settings/settings.repository.ts';

export const LOGIC_CHECKS_KEY = 'logicChecks';

/** The thresholds in force: stored values over core's defaults (a rule added later runs with its default). */
export async function logicCheckConfig(orm: Executor): Promise<{ config: LogicCheckConfig; version: number }> {
  const stored = await readSetting<unknown>(orm, LOGIC_CHECKS_KEY);
  const parsed = logicCheckConfigSchema.safeParse(stored?.value ?? {});
  return { config: (parsed.success ? parsed.data : logicCheckConfigSchema.parse({})) as LogicCheckConfig, version: stored?.version ?? 1 };
}
