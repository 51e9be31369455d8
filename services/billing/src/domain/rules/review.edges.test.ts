import { reviewItem, type Booking, type UsageRecord } from '@labshare/contracts';
import { describe, expect, it } from 'vitest';
import type { BillableFact } from './ledger-lines';
import { missingFor, reviewItemOf, type ReviewReason } from './review';

describe('missingFor', () => {
  it.each<[string, { resource: boolean; providerOrg: boolean; consumerOrg: boolean }, ReviewReason[]]>([
    ['everything is known', { resource: true, providerOrg: true, consumerOrg: true }, []],
    [
      'only the resource is unknown',
      { resource: false, providerOrg: true, consumerOrg: true },
      ['unknown_resource'],
    ],
    [
      'only the provider org is unknown',
      { resource: true, providerOrg: false, consumerOrg: true },
      ['unknown_provider_org'],
    ],
    [
      'only the consumer org is unknown',
      { resource: true, providerOrg: true, consumerOrg: false },
      ['unknown_consumer_org'],
    ],
    [
      'nothing is known',
      { resource: false, providerOrg: false, consumerOrg: false },
      ['unknown_resource', 'unknown_provider_org', 'unknown_consumer_org'],
    ],
  ])('when %s, then the fact waits for exactly those records', (_name, known, reasons) => {
    expect(missingFor(known)).toEqual(reasons);
  });
});

const parties = { bookingId: 'b-1', resourceId: 'r-1', providerOrgId: 'p', consumerOrgId: 'c' };

const usageFact = {
  kind: 'usage',
  sourceEventId: 'evt-usage',
  record: { ...parties, id: 'u-1' } as unknown as UsageRecord,
} satisfies BillableFact;

const feeFact = {
  kind: 'no_show_fee',
  sourceEventId: 'evt-fee',
  booking: { id: 'b-1', resourceId: 'r-1', providerOrgId: 'p', consumerOrgId: 'c' } as unknown as Booking,
} satisfies BillableFact;

describe('reviewItemOf', () => {
  it.each([
    ['a usage record', usageFact, 'usage:u-1', 'usage', 'evt-usage'],
    ['a no-show fee', feeFact, 'no_show_fee:b-1', 'no_show_fee', 'evt-fee'],
  ] as const)(
    'when %s names an unknown org, then it is kept pending under its line id with its parties and reasons',
    (_name, fact, id, kind, sourceEventId) => {
      const item = reviewItemOf(fact, ['unknown_consumer_org'], Date.parse('2026-12-01T02:00:00Z'));
      expect(item).toEqual({
        id,
        kind,
        sourceEventId,
        ...parties,
        reasons: ['unknown_consumer_org'],
        status: 'pending',
        receivedAt: '2026-12-01T02:00:00.000Z',
      });
      expect(reviewItem.parse(item)).toEqual(item);
    },
  );
});
