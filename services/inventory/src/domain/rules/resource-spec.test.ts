import { describe, expect, it } from 'vitest';
import { createResourceBody, patchResourceBody } from '@labshare/contracts';
import { applyPatch, newResource, sameSpec, specOf } from './resource-spec';

const spec = createResourceBody.parse({
  orgId: 'o',
  kind: 'equipment',
  name: 'SEM',
  location: { campus: 'Main', building: 'B', room: '103' },
  rates: { perHour: { enterprise: 80000, university: 30000 } },
  quota: { hoursPerWeek: 10 },
  requiredQualifications: ['sem-operator'],
});
const patch = (body: unknown) => applyPatch(spec, patchResourceBody.parse(body));

describe('applyPatch', () => {
  it('when policy, rates and location are patched, then they merge into what is stored', () => {
    const next = patch({
      policy: { maxMinutes: 240 },
      rates: { perHour: { enterprise: 90000 } },
      location: { room: '104' },
    });
    expect(next.policy).toEqual({ ...spec.policy, maxMinutes: 240 });
    expect(next.rates.perHour).toEqual({ ...spec.rates.perHour, enterprise: 90000 });
    expect(next.rates.incrementMinutes).toBe(15);
    expect(next.location).toEqual({ campus: 'Main', building: 'B', room: '104' });
  });

  it('when lists and the quota are patched, then they are replaced', () => {
    const next = patch({ requiredQualifications: [], quota: { hoursPerMonth: 20 } });
    expect(next.requiredQualifications).toEqual([]);
    expect(next.quota).toEqual({ hoursPerMonth: 20 });
  });

  it('when a location is patched onto a resource without one, then the other parts default to empty', () => {
    const bare = createResourceBody.parse({ orgId: 'o', kind: 'lab', name: 'x' });
    expect(applyPatch(bare, patchResourceBody.parse({ location: { campus: 'East' } })).location).toEqual({
      campus: 'East',
      building: '',
      room: '',
    });
  });

  it('when the patch restates stored values, then the spec is the same', () => {
    expect(sameSpec(patch({ name: 'SEM', policy: { slotMinutes: 30 } }), spec)).toBe(true);
    expect(sameSpec(patch({ name: 'SEM 2' }), spec)).toBe(false);
  });

  it('when a resource is made, then it starts active at version 1 without blackouts', () => {
    const resource = newResource(spec, 'r1', new Date('2026-01-01T00:00:00Z'));
    expect(resource).toMatchObject({
      id: 'r1',
      status: 'active',
      version: 1,
      blackouts: [],
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(specOf(resource)).toEqual(spec);
  });
});
