// Mutation-testing targets: pure code only, each mutated against its own unit tests (the `*.test.ts`
// files beside it), never the integration tiers. `npm run test:mutation [-- <target>...]` runs them.
export const targets = {
  availability: 'libs/availability/src',
  pricing: 'libs/pricing/src',
  inventory: 'services/inventory/src/domain/rules',
  booking: 'services/booking/src/domain/rules',
  access: 'services/access/src/domain/rules',
  billing: 'services/billing/src/domain/rules',
};

/** The target named by MUTATION_TARGET (set by stryker/run.mjs), with its folder. */
export function currentTarget(env) {
  const name = env.MUTATION_TARGET;
  if (!name || !(name in targets)) {
    throw new Error(`MUTATION_TARGET must be one of ${Object.keys(targets).join(', ')} (got ${name})`);
  }
  return { name, dir: targets[name] };
}
