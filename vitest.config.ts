import { defineConfig } from 'vitest/config';

// Tiers, told apart by file suffix: `*.test.ts` are pure unit tests; `*.integration-test.ts`
// talk to a real Kafka broker and MongoDB-wire server, started once by the global setup, except
// those under test/platform and test/browser (the web console in Chromium), which run `npm start`
// itself (the `platform` project).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'libs/*/src/**/*.test.ts',
            'services/*/src/**/*.test.ts',
            'infra/*/src/**/*.test.ts',
            'web/*/src/**/*.test.ts',
          ],
          // Property tests run hundreds of cases: on a busy 2-core machine 5 s is too tight a bound.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/*.integration-test.ts'],
          exclude: ['**/node_modules/**', 'test/platform/**', 'test/browser/**'],
          globalSetup: ['infra/local/src/vitest-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: run integration files one or two at a time so timing-sensitive tests stay honest.
          maxWorkers: 2,
        },
      },
      {
        test: {
          // `npm start` as a child process: each file runs a whole platform (Node and two JVMs)
          // of its own, so one file at a time, with no shared infrastructure to start.
          name: 'platform',
          include: ['test/platform/**/*.integration-test.ts', 'test/browser/**/*.integration-test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
