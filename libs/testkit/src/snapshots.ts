import { randomUUID } from 'node:crypto';
import { policyDefaults, type Booking, type Org, type Resource } from '@labshare/contracts';

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

/**
 * A booking as booking's events carry it: confirmed, for one unit of `resource` by a user of
 * `consumer`, an hour from `start` (default: tomorrow at 02:00 UTC), priced on the resource's rates.
 */
export function bookingSnapshot(
  resource: Pick<Resource, 'id' | 'orgId' | 'kind' | 'rates'>,
  consumer: Pick<Org, 'id' | 'kind'>,
  overrides: Partial<Booking> = {},
): Booking {
  const now = new Date().toISOString();
  const start =
    overrides.start ?? new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 7_200_000).toISOString();
  const end = overrides.end ?? new Date(Date.parse(start) + 3_600_000).toISOString();
  const category = consumer.id === resource.orgId ? 'internal' : consumer.kind;
  const perHour = resource.rates.perHour[category];
  return {
    id: `bkg-${randomUUID()}`,
    resourceId: resource.id,
    resourceKind: resource.kind,
    providerOrgId: resource.orgId,
    consumerOrgId: consumer.id,
    consumerKind: consumer.kind,
    userId: `user-${randomUUID().slice(0, 8)}`,
    start,
    end,
    quantity: 1,
    status: 'confirmed',
    external: consumer.id !== resource.orgId,
    price: {
      amount: Math.round((perHour * (Date.parse(end) - Date.parse(start))) / 3_600_000),
      currency: resource.rates.currency,
    },
    priceTerms: {
      category,
      perHour,
      currency: resource.rates.currency,
      incrementMinutes: resource.rates.incrementMinutes,
      minimumMinutes: resource.rates.minimumMinutes,
      basis: 'booked',
      rateCardVersion: 1,
    },
    createdAt: now,
    updatedAt: now,
    version: 1,
    ...overrides,
  };
}
