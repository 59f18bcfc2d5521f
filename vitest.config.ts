import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The default output, plus each test's duration against its timeout (test-results/durations.json, `npm run test:slow`).
    reporters: ['default', './test/support/durations-reporter.ts'],
  },
});
