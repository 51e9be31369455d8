import { defineConfig } from 'vitest/config';
import { currentTarget } from './targets.mjs';

// The vitest config StrykerJS runs: only the unit tests of the target being mutated.
const { dir } = currentTarget(process.env);

export default defineConfig({
  test: {
    include: [`${dir}/**/*.test.ts`],
    testTimeout: 30_000,
  },
});
