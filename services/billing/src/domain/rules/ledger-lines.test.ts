import { describe, expect, it } from 'vitest';
import { aBooking, aRecord, terms } from './test-fixtures';
import type { UsageRecord } from '@labshare/contracts';
import {
  chargeOf,
  correctedLineIdOf,
  entryOf,
  feeFactOf,
  lineIdOf,
  lineOf,
  reversalOf,
  type BillableFact,
} from './ledger-lines';

const usage = (record: UsageRecord): BillableFact => ({ kind: 'usage', sourceEventId: record.id, record });

describe('chargeOf', () => {
  it.each([
    ['actual minutes rounded up to the increment', aRecord(), 80000, 60],
    ['actual minutes under the minimum', aRecord({ minutes: 12 }), 40000, 30],
    [
      'the booked span on a booked-basis card',
      aRecord({ minutes: 5, priceTerms: { ...terms, basis: 'booked' } }),
      80000,
      60,
    ],
    ['two units', aRecord({ booked: { ...aRecord().booked, quantity: 2 } }), 160000, 60],
    ['an internal session', aRecord({ priceTerms: { ...terms, category: 'internal', perHour: 0 } }), 0, 60],
  ])('when usage is charged on %s, then it costs the amount', (_name, record, amount, minutes) => {
    expect(chargeOf(usage(record))).toMatchObject({ amount, minutes, rateCardVersion: 3 });
  });

  it('when a late-cancel fee is charged, then it is the fee booking computed, on the booking terms', () => {
    const fact = feeFactOf(aBooking(), 'evt-1')!;
    expect(chargeOf(fact)).toMatchObject({ amount: 40000, minutes: 60, rateCardVersion: 3 });
  });
});

describe('feeFactOf', () => {
  it.each([
    ['a cancelled booking with a fee', aBooking(), 'late_cancel_fee'],
    ['a no-show with a fee', aBooking({ status: 'no_show' }), 'no_show_fee'],
    ['a cancelled booking without a fee', aBooking({ fee: undefined }), undefined],
    ['a zero fee', aBooking({ fee: { amount: 0, currency: 'CNY' } }), undefined],
    ['a confirmed booking', aBooking({ status: 'confirmed' }), undefined],
  ])('when %s is announced, then the fact is %s', (_name, booking, kind) => {
    expect(feeFactOf(booking, 'evt-1')?.kind).toBe(kind);
  });
});

describe('lineOf', () => {
  it('when the same record comes in two events, then both give the same line id', () => {
    const record = aRecord();
    expect(lineIdOf({ kind: 'usage', sourceEventId: 'a', record })).toBe(
      lineIdOf({ kind: 'usage', sourceEventId: 'b', record }),
    );
  });

  it('when a fact counts in its own month, then it is a line of its kind there', () => {
    const line = lineOf(usage(aRecord()), { servicePeriod: '2026-12', period: '2026-12' });
    expect(line).toMatchObject({ id: 'usage:usage-1', kind: 'usage', period: '2026-12', amount: 80000 });
    expect(line).not.toHaveProperty('origin');
  });

  it('when its month was issued already, then it is an adjustment in the next open month', () => {
    const line = lineOf(usage(aRecord()), { servicePeriod: '2026-12', period: '2027-01' });
    expect(line).toMatchObject({
      id: 'usage:usage-1',
      kind: 'adjustment',
      origin: 'usage',
      period: '2027-01',
    });
  });

  it('when a line is shown by side, then each side names its own org and the other as counterparty', () => {
    const line = lineOf(usage(aRecord()), { servicePeriod: '2026-12', period: '2026-12' });
    expect(entryOf(line, 'consumer')).toMatchObject({ orgId: 'c', counterpartyOrgId: 'p', amount: 80000 });
    expect(entryOf(line, 'provider')).toMatchObject({ orgId: 'p', counterpartyOrgId: 'c', amount: 80000 });
    expect(entryOf(line, 'consumer').createdAt).toBe('2026-12-01T02:50:01.000Z');
  });
});

describe('reversalOf', () => {
  it('when a usage record corrects another, then the corrected line is taken back by a negated line that names it', () => {
    const original = lineOf(usage(aRecord()), { servicePeriod: '2026-12', period: '2026-12' });
    const correction = usage(
      aRecord({ id: 'usage-2', corrects: 'usage-1', minutes: 20, recordedAt: '2026-12-02T00:00:00.000Z' }),
    );
    expect(correctedLineIdOf(correction)).toBe('usage:usage-1');
    expect(reversalOf(original, correction, '2027-01')).toMatchObject({
      id: 'reversal:usage:usage-1',
      kind: 'adjustment',
      origin: 'usage',
      amount: -80000,
      period: '2027-01',
      servicePeriod: '2026-12',
      corrects: 'usage:usage-1',
      sourceEventId: 'usage-2',
      createdAt: Date.parse('2026-12-02T00:00:00.000Z'),
      rateCardVersion: 3,
    });
  });

  it('when a record corrects nothing, then there is nothing to take back', () => {
    expect(correctedLineIdOf(usage(aRecord()))).toBeUndefined();
  });
});
