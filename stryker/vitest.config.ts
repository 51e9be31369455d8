import { defineConfig } from 'vitest/config';
import { currentTarget } from './targets.mjs';

// The vitest config StrykerJS runs: only the unit tests of the target being mutated.
const { dir } = currentTarget(process.env);

export default defineConfig({
  test: {
    include: [`${dir}/**/*.test.ts`],
    // Wall-clock bounds (250 ms per call) are about speed, not behaviour, and fail at random under
    // Stryker's instrumentation on a busy machine; a failing initial run aborts the whole run.
    exclude: ['**/node_modules/**', '**/bounded-work.property.test.ts'],
    testTimeout: 30_000,
  },
});
