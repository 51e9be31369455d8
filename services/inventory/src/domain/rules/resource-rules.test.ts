import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createResourceBody, policyDefaults } from '@labshare/contracts';
import { resourceProblems } from './resource-rules';

const now = new Date('2026-03-01T00:00:00Z');
const demo = JSON.parse(
  readFileSync(new URL('../../../../../infra/platform/seed/lingang-demo.json', import.meta.url), 'utf8'),
) as { resources: ({ org: string } & Record<string, unknown>)[] };

describe('resourceProblems', () => {
  it('when minMinutes exceeds maxMinutes, then minMinutes is named', () => {
    const spec = createResourceBody.parse({
      orgId: 'o',
      kind: 'lab',
      name: 'x',
      policy: { minMinutes: 600, maxMinutes: 120 },
    });
    expect(resourceProblems(spec, now)).toEqual([
      { field: 'policy.minMinutes', message: 'must not exceed policy.maxMinutes (120)' },
    ]);
  });

  it('when the policy is the default one, then it keeps the rules', () => {
    const spec = createResourceBody.parse({ orgId: 'o', kind: 'lab', name: 'x' });
    expect(spec.policy).toEqual(policyDefaults);
    expect(resourceProblems(spec, now)).toEqual([]);
  });

  it('when given each resource of the demo data, then every one is accepted', () => {
    expect(demo.resources).toHaveLength(21);
    for (const { org, ...body } of demo.resources) {
      const spec = createResourceBody.parse({ ...body, orgId: org });
      expect(resourceProblems(spec, now)).toEqual([]);
    }
  });
});
