import { defineConfig } from 'vitest/config';

// Two tiers, told apart by file suffix: `*.test.ts` are pure unit tests; `*.integration-test.ts`
// talk to a real Kafka broker and MongoDB-wire server, started once by the global setup.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['libs/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts', 'infra/*/src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/*.integration-test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['infra/local/src/vitest-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: run integration files one or two at a time so timing-sensitive tests stay honest.
          maxWorkers: 2,
        },
      },
    ],
  },
});
