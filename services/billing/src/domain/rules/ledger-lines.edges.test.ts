import type { Booking } from '@labshare/contracts';
import { describe, expect, it } from 'vitest';
import { aBooking as baseBooking, aLine as baseLine, aRecord } from './test-fixtures';
import {
  chargeOf,
  correctedLineIdOf,
  entryOf,
  lineIdOf,
  lineOf,
  partiesOf,
  reversalOf,
  serviceEndOf,
  type BillableFact,
  type LedgerLine,
} from './ledger-lines';

/** Another provider's, consumer's and resource's 90 minutes, so ids and amounts cannot be confused. */
const aBooking = (overrides: Partial<Booking> = {}): Booking =>
  baseBooking({
    resourceId: 'r-2',
    providerOrgId: 'p2',
    consumerOrgId: 'c2',
    end: '2026-12-01T03:30:00.000Z',
    price: { amount: 120000, currency: 'CNY' },
    ...overrides,
  });
const aLine = (overrides: Partial<LedgerLine> = {}): LedgerLine =>
  baseLine({ id: 'usage:usage-1', amount: 80000, sourceEventId: 'evt-usage', ...overrides });

const usage = (record = aRecord()): BillableFact => ({ kind: 'usage', sourceEventId: 'evt-usage', record });
const fee = (kind: 'late_cancel_fee' | 'no_show_fee', booking = aBooking()): BillableFact => ({
  kind,
  sourceEventId: 'evt-fee',
  booking,
});

describe('the identity, parties and end of a fact', () => {
  it.each([
    [
      'a usage record',
      usage(),
      'usage:usage-1',
      { bookingId: 'b-1', resourceId: 'r-1', providerOrgId: 'p', consumerOrgId: 'c' },
      '2026-12-01T02:50:00.000Z',
    ],
    [
      'a late cancel',
      fee('late_cancel_fee'),
      'late_cancel_fee:b-2',
      { bookingId: 'b-2', resourceId: 'r-2', providerOrgId: 'p2', consumerOrgId: 'c2' },
      '2026-12-01T03:30:00.000Z',
    ],
    [
      'a no-show',
      fee('no_show_fee'),
      'no_show_fee:b-2',
      { bookingId: 'b-2', resourceId: 'r-2', providerOrgId: 'p2', consumerOrgId: 'c2' },
      '2026-12-01T03:30:00.000Z',
    ],
  ])(
    'when the fact is %s, then its line id, parties and service end come from that fact',
    (_name, fact, id, parties, end) => {
      expect(lineIdOf(fact)).toBe(id);
      expect(partiesOf(fact)).toStrictEqual(parties);
      expect(serviceEndOf(fact)).toBe(Date.parse(end));
    },
  );
});

describe('chargeOf a fee', () => {
  it.each([
    ['the fee in the terms currency', aBooking(), 40000, 'CNY'],
    ['the fee in its own currency', aBooking({ fee: { amount: 500, currency: 'EUR' } }), 500, 'EUR'],
    ['no fee at all', aBooking({ fee: undefined }), 0, 'CNY'],
  ])(
    'when the booking carries %s, then the charge is that fee on the quoted span',
    (_name, booking, amount, currency) => {
      expect(chargeOf(fee('late_cancel_fee', booking))).toMatchObject({
        amount,
        currency,
        minutes: 90,
        rateCardVersion: 3,
      });
    },
  );
});

describe('lineOf a fee', () => {
  it.each([
    ['its own month', '2026-12', { kind: 'no_show_fee' }],
    ['a month already issued', '2027-01', { kind: 'adjustment', origin: 'no_show_fee' }],
  ])(
    'when a no-show fee counts in %s, then the line is stamped with the booking time',
    (_name, period, kind) => {
      expect(lineOf(fee('no_show_fee'), { servicePeriod: '2026-12', period })).toMatchObject({
        id: 'no_show_fee:b-2',
        ...kind,
        consumerOrgId: 'c2',
        providerOrgId: 'p2',
        amount: 40000,
        period,
        servicePeriod: '2026-12',
        createdAt: Date.parse('2026-11-30T23:00:00.000Z'),
        sourceEventId: 'evt-fee',
      });
    },
  );
});

const entryBase = {
  id: 'usage:usage-1',
  orgId: 'c',
  counterpartyOrgId: 'p',
  side: 'consumer',
  kind: 'usage',
  amount: 80000,
  currency: 'CNY',
  bookingId: 'b-1',
  resourceId: 'r-1',
  period: '2026-12',
  servicePeriod: '2026-12',
  createdAt: '2026-12-01T02:50:01.000Z',
  sourceEventId: 'evt-usage',
};

describe('entryOf (optional fields)', () => {
  it.each([
    ['a line without terms, minutes or correction', aLine(), entryBase],
    [
      'a line with its terms and minutes',
      aLine({ rateCardVersion: 3, category: 'enterprise', minutes: 60 }),
      { ...entryBase, rateCardVersion: 3, category: 'enterprise', minutes: 60 },
    ],
    [
      'a line from rate-card version 0 with 0 minutes',
      aLine({ rateCardVersion: 0, minutes: 0 }),
      { ...entryBase, rateCardVersion: 0, minutes: 0 },
    ],
    [
      'a correction',
      aLine({ id: 'reversal:usage:usage-0', kind: 'adjustment', corrects: 'usage:usage-0' }),
      { ...entryBase, id: 'reversal:usage:usage-0', kind: 'adjustment', corrects: 'usage:usage-0' },
    ],
  ])(
    'when the consumer side of %s is shown, then it carries exactly the fields the line has',
    (_name, line, entry) => {
      expect(entryOf(line, 'consumer')).toStrictEqual(entry);
    },
  );
});

describe('correctedLineIdOf', () => {
  it.each([
    ['a late cancel', fee('late_cancel_fee')],
    ['a no-show', fee('no_show_fee')],
  ])('when the fact is %s, then it corrects no usage line', (_name, fact) => {
    expect(correctedLineIdOf(fact)).toBeUndefined();
  });
});

describe('reversalOf (origin and time)', () => {
  it.each([
    ['a usage line', aLine(), 'usage'],
    ['a fee line', aLine({ id: 'no_show_fee:b-2', kind: 'no_show_fee' }), 'no_show_fee'],
    [
      'an adjustment charging a late fee',
      aLine({ kind: 'adjustment', origin: 'late_cancel_fee' }),
      'late_cancel_fee',
    ],
    ['an adjustment naming no origin', aLine({ kind: 'adjustment' }), 'usage'],
  ])(
    'when %s is taken back, then the reversal is an adjustment whose origin is %s',
    (_name, original, origin) => {
      const correction = usage(aRecord({ id: 'usage-2', corrects: 'usage-1' }));
      expect(reversalOf(original, correction, '2027-01')).toMatchObject({
        kind: 'adjustment',
        origin,
        amount: -80000,
      });
    },
  );

  it('when the correcting fact is a booking fee, then the reversal is stamped with the booking time', () => {
    const reversal = reversalOf(aLine({ corrects: 'usage:usage-0' }), fee('late_cancel_fee'), '2026-12');
    expect(reversal).toMatchObject({
      id: 'reversal:usage:usage-1',
      createdAt: Date.parse('2026-11-30T23:00:00.000Z'),
      sourceEventId: 'evt-fee',
      corrects: 'usage:usage-1',
    });
  });
});
