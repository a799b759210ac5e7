import type { AppDeps } from '../../platform/http/context.ts';

/** Seeds the demo's income targets (seed 004's Weixi table, seed 000's Shangri-La targets). */
export async function seedDemoTargets(_deps: AppDeps, _log: (line: string) => void): Promise<void> {}
