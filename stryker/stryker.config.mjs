// One StrykerJS config for every target; stryker/run.mjs picks the target through MUTATION_TARGET.
import process from 'node:process';
import { currentTarget } from './targets.mjs';

const { name, dir } = currentTarget(process.env);
const reports = `reports/mutation/${name}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Only this target's unit tests (see stryker/vitest.config.ts), not the workspace projects.
  vitest: { configFile: 'stryker/vitest.config.ts' },
  mutate: [`${dir}/**/*.ts`, `!${dir}/**/{*.test,test-fixtures}.ts`],
  coverageAnalysis: 'perTest',
  // Two cores, shared: never more than two test processes.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  timeoutMS: 5_000,
  // The run fails below 90 %.
  thresholds: { high: 95, low: 90, break: 90 },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { logTests: false },
  htmlReporter: { fileName: `${reports}/index.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  // `npm run test:mutation -- --incremental` re-tests only what changed since the last run.
  incrementalFile: `${reports}/stryker-incremental.json`,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // The sandbox needs the sources and test support, not the fetched JVM jars or data folders.
  ignorePatterns: ['/infra/local/.cache', '/infra/local/data', '/.data', '/reports', '/docs', '/bench'],
};
