import type { Booking, Qualification } from '@labshare/contracts';
import { bookingSnapshot, resourceSnapshot } from '@labshare/testkit';
import type { PassRecord } from '../../src/domain/rules/revocation';
import type { SessionState } from '../../src/domain/rules/sessions';

/** Fixed values for the pure rules' tests: a booking 10:00–11:00 UTC, its pass, its session. */
export const PROVIDER = 'org-provider';
export const CONSUMER = 'org-consumer';
export const START = Date.parse('2026-12-01T10:00:00.000Z');
export const END = Date.parse('2026-12-01T11:00:00.000Z');
export const MINUTE = 60_000;

export function aBooking(overrides: Partial<Booking> = {}): Booking {
  const resource = {
    id: 'r1',
    orgId: PROVIDER,
    kind: 'equipment' as const,
    rates: resourceSnapshot({ id: PROVIDER }).rates,
  };
  return bookingSnapshot(
    resource,
    { id: CONSUMER, kind: 'enterprise' },
    {
      id: 'b1',
      userId: 'alice',
      start: new Date(START).toISOString(),
      end: new Date(END).toISOString(),
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
      version: 2,
      ...overrides,
    },
  );
}

export function aPassRecord(overrides: Partial<PassRecord> = {}): PassRecord {
  return {
    jti: 'p1',
    kid: 'k1',
    bookingId: 'b1',
    resourceId: 'r1',
    userId: 'alice',
    bookingStart: START,
    bookingEnd: END,
    validFrom: START - 10 * MINUTE,
    validUntil: END,
    issuedAt: START - 60 * MINUTE,
    ...overrides,
  };
}

export function aSession(overrides: Partial<SessionState> = {}): SessionState {
  return {
    id: 'session-b1',
    bookingId: 'b1',
    resourceId: 'r1',
    providerOrgId: PROVIDER,
    consumerOrgId: CONSUMER,
    userId: 'alice',
    passJti: 'p1',
    checkedInBy: 'door-1',
    startedAt: START + 2 * MINUTE,
    autoCloseAt: END + 15 * MINUTE,
    booking: aBooking(),
    status: 'open',
    ...overrides,
  };
}

export function aQualification(overrides: Partial<Qualification> = {}): Qualification {
  return {
    id: 'q1',
    orgId: PROVIDER,
    userId: 'alice',
    name: 'laser-safety',
    expiresAt: null,
    revokedAt: null,
    version: 1,
    ...overrides,
  };
}
