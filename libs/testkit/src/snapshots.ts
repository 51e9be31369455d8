import { randomUUID } from 'node:crypto';
import { policyDefaults, type Org, type Resource } from '@labshare/contracts';

/** An organisation as inventory's events carry it. */
export function orgSnapshot(kind: Org['kind'] = 'enterprise', overrides: Partial<Org> = {}): Org {
  const now = new Date().toISOString();
  return {
    id: `org-${randomUUID()}`,
    name: `Org ${kind} ${randomUUID().slice(0, 6)}`,
    kind,
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

/**
 * A resource as inventory's events carry it: always open, a 15-minute grid, no lead time, a year of
 * horizon, priced per category (internal free), with `overrides` applied.
 */
export function resourceSnapshot(owner: { id: string }, overrides: Partial<Resource> = {}): Resource {
  const now = new Date().toISOString();
  return {
    id: `res-${randomUUID()}`,
    orgId: owner.id,
    kind: 'equipment',
    name: 'Test instrument',
    description: '',
    capacity: 1,
    timezone: 'Asia/Shanghai',
    shared: true,
    openingHours: [],
    policy: { ...policyDefaults, slotMinutes: 15, minMinutes: 15, horizonDays: 365 },
    rates: {
      currency: 'CNY',
      perHour: {
        internal: 0,
        university: 30000,
        enterprise: 80000,
        training_body: 25000,
        government: 30000,
        other: 80000,
      },
      incrementMinutes: 15,
      minimumMinutes: 0,
    },
    requiredQualifications: [],
    quota: {},
    blackouts: [],
    status: 'active',
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}
