import { defineConfig } from 'vitest/config';

/**
 * One `npm test` runs everything: pure unit tests, the server's integration tests on embedded PGlite, the same
 * integration tests again on a PostgreSQL server when DATABASE_URL is set, and the browser journeys in Chromium.
 */
const withPostgres = Boolean(process.env.DATABASE_URL);

const serverProject = (name: string, db: 'pglite' | 'postgres') => ({
  test: {
    name,
    include: ['packages/server/test/**/*.test.ts', 'packages/server/src/**/*.test.ts'],
    env: { ZS_TEST_DB: db },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks' as const,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['packages/core/src/**/*.test.ts'] } },
      { test: { name: 'web', include: ['packages/web/src/**/*.test.ts'] } },
      serverProject('server-pglite', 'pglite'),
      ...(withPostgres ? [serverProject('server-postgres', 'postgres')] : []),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          pool: 'forks' as const,
          fileParallelism: false,
        },
      },
    ],
  },
});
