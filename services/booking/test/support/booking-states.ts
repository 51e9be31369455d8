import { resourceSnapshot } from '@labshare/testkit';
import type { Resource } from '@labshare/contracts';
import type { BookingState, WaitEntry } from '../../src/domain/rules/booking-state';
import type { Placement } from '../../src/domain/rules/placement';

/** Data factories for the pure rules' unit tests: one instant, one provider, one consumer. */

export const NOW = Date.parse('2026-06-01T02:00:00Z');
export const HOUR = 3_600_000;
export const PROVIDER = { id: 'org-provider' };
export const CONSUMER = 'org-consumer';

export function aResource(overrides: Partial<Resource> = {}): Resource {
  return resourceSnapshot(PROVIDER, { id: 'res-1', ...overrides });
}

export function aBooking(overrides: Partial<BookingState> = {}): BookingState {
  return {
    id: 'b-1',
    resourceId: 'res-1',
    resourceKind: 'equipment',
    providerOrgId: PROVIDER.id,
    consumerOrgId: CONSUMER,
    consumerKind: 'enterprise',
    userId: 'user-1',
    start: NOW + 24 * HOUR,
    end: NOW + 25 * HOUR,
    quantity: 1,
    status: 'confirmed',
    external: true,
    price: { amount: 80000, currency: 'CNY' },
    priceTerms: {
      category: 'enterprise',
      perHour: 80000,
      currency: 'CNY',
      incrementMinutes: 15,
      minimumMinutes: 0,
      basis: 'booked',
      rateCardVersion: 1,
    },
    createdAt: NOW - HOUR,
    updatedAt: NOW - HOUR,
    version: 1,
    ...overrides,
  };
}

export function anEntry(overrides: Partial<WaitEntry> = {}): WaitEntry {
  return {
    id: 'w-1',
    resourceId: 'res-1',
    consumerOrgId: CONSUMER,
    consumerOrgKind: 'enterprise',
    userId: 'user-2',
    start: NOW + 24 * HOUR,
    end: NOW + 25 * HOUR,
    quantity: 1,
    status: 'waiting',
    createdAt: NOW - HOUR,
    ...overrides,
  };
}

export function aPlacement(overrides: Partial<Placement> = {}): Placement {
  return {
    resource: aResource(),
    requester: { orgId: CONSUMER, orgKind: 'enterprise', userId: 'user-1' },
    qualifications: [],
    now: NOW,
    ...overrides,
  };
}
