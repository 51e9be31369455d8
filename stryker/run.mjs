// `npm run test:mutation [-- <target>... [--incremental]]`: runs StrykerJS on each target in turn
// (one at a time: the machine has two cores) and exits non-zero when any target scores below its
// break threshold or fails to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import console from 'node:console';
import process from 'node:process';
import { targets } from './targets.mjs';

const args = process.argv.slice(2);
const flags = args.filter((arg) => arg.startsWith('--'));
const names = args.filter((arg) => !arg.startsWith('--'));
const unknown = names.filter((name) => !(name in targets));
if (unknown.length > 0) {
  console.error(
    `Unknown mutation target(s): ${unknown.join(', ')}. Known: ${Object.keys(targets).join(', ')}`,
  );
  process.exit(2);
}

const failed = [];
for (const name of names.length > 0 ? names : Object.keys(targets)) {
  if (!existsSync(targets[name])) {
    console.log(`\n=== mutation testing: ${name} skipped: ${targets[name]} does not exist yet ===`);
    continue;
  }
  console.log(`\n=== mutation testing: ${name} (${targets[name]}) ===`);
  const result = spawnSync('npx', ['stryker', 'run', 'stryker/stryker.config.mjs', ...flags], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_TARGET: name },
  });
  if (result.status !== 0) failed.push(name);
}
if (failed.length > 0) {
  console.error(`\nMutation testing failed (below threshold or error) for: ${failed.join(', ')}`);
  process.exit(1);
}
