import { defineConfig } from 'vitest/config';

// The e2e tests spawn real test runners; with 2 cores, files run in parallel but
// each may take seconds, so the timeouts are generous. Fixture suites are not ours.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/fixtures/**', 'node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/helpers/global-setup.ts'],
  },
});
