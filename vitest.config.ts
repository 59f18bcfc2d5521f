import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One scratch TMPDIR and XDG_CACHE_HOME per run, removed at the end (test/support/scratch-root.ts).
    globalSetup: ['./test/support/scratch-root.ts'],
    // The default output, plus each test's duration against its timeout (test-results/durations.json, `npm run test:slow`).
    reporters: ['default', './test/support/durations-reporter.ts'],
  },
});
