import { isDeepStrictEqual } from 'node:util';
import {
  resourceDefaults,
  type PatchResourceBody,
  type Resource,
  type ResourceSpec,
} from '@labshare/contracts';

/** What a provider controls in a resource, apart from identity, status, blackouts and bookkeeping. */
export function specOf(resource: Resource): ResourceSpec {
  const { id: _id, blackouts: _b, status: _s, version: _v, createdAt: _c, updatedAt: _u, ...spec } = resource;
  return spec;
}

export function newResource(spec: ResourceSpec, id: string, now: Date): Resource {
  const at = now.toISOString();
  return {
    id,
    ...withoutUndefined(spec),
    blackouts: [],
    status: 'active',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/** PATCH semantics: `policy`, `rates` (with `rates.perHour`) and `location` merge; the rest replaces. */
export function applyPatch(spec: ResourceSpec, patch: PatchResourceBody): ResourceSpec {
  const { policy, rates, location, ...replaced } = patch;
  return withoutUndefined({
    ...spec,
    ...withoutUndefined(replaced),
    policy: { ...spec.policy, ...policy },
    rates: { ...spec.rates, ...rates, perHour: { ...spec.rates.perHour, ...rates?.perHour } },
    location: location ? { ...(spec.location ?? resourceDefaults.location), ...location } : spec.location,
  });
}

/** Equal as JSON: an absent field and one that is `undefined` are the same thing on the wire. */
export function sameSpec(a: ResourceSpec, b: ResourceSpec): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
