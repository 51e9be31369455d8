import { describe, expect, it } from 'vitest';
import { createResourceBody, type Principal } from '@labshare/contracts';
import { admitResource } from './admit-resource';

const now = new Date('2026-06-01T00:00:00Z');
const spec = createResourceBody.parse({ orgId: 'org-1', kind: 'equipment', name: 'SEM' });
const orgAdmin = (org: string): Principal => ({ sub: 'a', org, roles: ['org_admin'] });

describe('admitResource', () => {
  it('when the owning org_admin adds a valid resource of a known org, then it is admitted, active, version 1', () => {
    const admission = admitResource(orgAdmin('org-1'), spec, { id: 'r-1', now, orgKnown: true });
    expect(admission).toEqual({
      resource: expect.objectContaining({ id: 'r-1', status: 'active', version: 1, blackouts: [] }),
    });
  });

  it.each([
    ['an org_admin of another org', orgAdmin('org-2')],
    ['a booker of the org', { sub: 'b', org: 'org-1', roles: ['booker'] } satisfies Principal],
  ])('when %s adds it, then it is forbidden', (_who, caller) => {
    expect(admitResource(caller, spec, { id: 'r-1', now, orgKnown: true })).toHaveProperty('forbidden');
  });

  it('when the org is unknown and a rule is broken, then both are named, orgId first', () => {
    const broken = { ...spec, policy: { ...spec.policy, minMinutes: 600, maxMinutes: 60 } };
    const admission = admitResource(orgAdmin('org-1'), broken, { id: 'r-1', now, orgKnown: false });
    expect(admission).toEqual({
      problems: [
        expect.objectContaining({ field: 'orgId' }),
        expect.objectContaining({ field: 'policy.minMinutes' }),
      ],
    });
  });
});
