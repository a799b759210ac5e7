import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Unit tests of the web package's pure functions (no DOM). Runs alone with
 * `npx vitest run --config packages/web/vitest.config.ts`; the root config can pick the same files up as a
 * `web` project: { test: { name: 'web', include: ['packages/web/src/**\/*.test.ts'] } }.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: { name: 'web', include: ['src/**/*.test.ts'] },
});
