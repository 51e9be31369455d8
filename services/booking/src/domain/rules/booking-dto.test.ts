import { booking as bookingSchema, waitlistEntry as waitlistEntrySchema } from '@labshare/contracts';
import { describe, expect, it } from 'vitest';
import { aBooking, anEntry, HOUR, NOW } from '../../../test/support/booking-states';
import { fromBookingDto, toBookingDto, toWaitlistEntryDto } from './booking-dto';

const iso = (ms: number) => new Date(ms).toISOString();

describe('toBookingDto', () => {
  it('when a booking is made public, then its instants are UTC ISO strings and the contract accepts it', () => {
    const dto = toBookingDto(aBooking());
    expect(bookingSchema.parse(dto)).toEqual(dto);
    expect(dto).toEqual({
      id: 'b-1',
      resourceId: 'res-1',
      resourceKind: 'equipment',
      providerOrgId: 'org-provider',
      consumerOrgId: 'org-consumer',
      consumerKind: 'enterprise',
      userId: 'user-1',
      start: iso(NOW + 24 * HOUR),
      end: iso(NOW + 25 * HOUR),
      quantity: 1,
      status: 'confirmed',
      external: true,
      price: { amount: 80000, currency: 'CNY' },
      priceTerms: aBooking().priceTerms,
      createdAt: iso(NOW - HOUR),
      updatedAt: iso(NOW - HOUR),
      version: 1,
    });
  });

  it.each([
    ['a fee', { fee: { amount: 100, currency: 'CNY' } }, { fee: { amount: 100, currency: 'CNY' } }],
    ['a purpose', { purpose: 'SEM session' }, { purpose: 'SEM session' }],
    ['a series id', { seriesId: 's-1' }, { seriesId: 's-1' }],
    ['a reason', { reason: 'no longer needed' }, { reason: 'no longer needed' }],
    ['an expiry', { expiresAt: NOW + HOUR }, { expiresAt: iso(NOW + HOUR) }],
    ['an expiry at the epoch (zero is still a time)', { expiresAt: 0 }, { expiresAt: iso(0) }],
  ])('when the booking has %s, then the public shape carries it', (_case, overrides, expected) => {
    expect(toBookingDto(aBooking(overrides))).toEqual(expect.objectContaining(expected));
  });

  it.each([
    ['fee', { fee: undefined }],
    ['purpose', { purpose: undefined }],
    ['seriesId', { seriesId: undefined }],
    ['reason', { reason: undefined }],
    ['expiresAt', { expiresAt: undefined }],
  ])('when the booking has no %s, then the public shape leaves the field out', (field, overrides) => {
    expect(Object.keys(toBookingDto(aBooking(overrides)))).not.toContain(field);
  });
});

describe('fromBookingDto', () => {
  it.each([
    ['a plain booking', aBooking()],
    [
      'a held booking with an expiry and a fee',
      aBooking({ status: 'held', expiresAt: NOW + HOUR, fee: { amount: 5, currency: 'CNY' } }),
    ],
  ])('when %s goes to the public shape and back, then it is unchanged', (_case, state) => {
    expect(fromBookingDto(toBookingDto(state))).toEqual(state);
  });

  it('when the public shape has no expiry, then the state has no expiresAt field', () => {
    expect(Object.keys(fromBookingDto(toBookingDto(aBooking())))).not.toContain('expiresAt');
  });
});

describe('toWaitlistEntryDto', () => {
  it('when a waiting entry is made public, then the contract accepts it and the org kind stays private', () => {
    const dto = toWaitlistEntryDto(anEntry());
    expect(waitlistEntrySchema.parse(dto)).toEqual(dto);
    expect(dto).toEqual({
      id: 'w-1',
      resourceId: 'res-1',
      consumerOrgId: 'org-consumer',
      userId: 'user-2',
      start: iso(NOW + 24 * HOUR),
      end: iso(NOW + 25 * HOUR),
      quantity: 1,
      status: 'waiting',
      createdAt: iso(NOW - HOUR),
    });
  });

  it('when an entry has been offered a booking, then its booking id and offer expiry are public', () => {
    const dto = toWaitlistEntryDto(anEntry({ status: 'offered', bookingId: 'b-9', expiresAt: NOW + HOUR }));
    expect(dto).toEqual(expect.objectContaining({ bookingId: 'b-9', expiresAt: iso(NOW + HOUR) }));
  });
});
