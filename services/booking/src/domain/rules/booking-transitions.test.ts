import { describe, expect, it } from 'vitest';
import { bookingStatuses } from '@labshare/contracts';
import { aBooking, aResource, HOUR, NOW } from '../../../test/support/booking-states';
import { approve, cancel, confirm, expire, recordNoShow, reject, revise } from './booking-transitions';

const MINUTE = 60_000;
const resource = aResource();
const statuses = bookingStatuses;

describe('revise', () => {
  it('when a booking is revised, then the patch applies, updatedAt is now and the version grows by one', () => {
    expect(revise(aBooking({ version: 4 }), { quantity: 2 }, NOW)).toMatchObject({
      quantity: 2,
      updatedAt: NOW,
      version: 5,
    });
  });
});

describe('confirm', () => {
  const held = aBooking({ status: 'held', expiresAt: NOW + MINUTE });

  it.each([
    ['no approval', 'none', 'confirmed'],
    ['approval of outside orgs', 'external', 'pending'],
    ['approval of all', 'all', 'pending'],
  ] as const)(
    'when a hold is confirmed with %s, then it becomes %s and loses its expiry',
    (_name, approval, status) => {
      const next = confirm(held, aResource({ policy: { ...resource.policy, approval } }), NOW);
      expect(next.status).toBe(status);
      expect(next).not.toHaveProperty('expiresAt');
    },
  );

  it('when the provider confirms its own hold under external approval, then no approval is needed', () => {
    const own = aBooking({ status: 'held', consumerOrgId: resource.orgId });
    const next = confirm(own, aResource({ policy: { ...resource.policy, approval: 'external' } }), NOW);
    expect(next.status).toBe('confirmed');
  });

  it.each([
    ['expired a minute ago', NOW - MINUTE],
    ['expiring exactly now', NOW],
  ])('when the hold %s, then it is 409 hold_expired', (_name, expiresAt) => {
    expect(() => confirm(aBooking({ status: 'held', expiresAt }), resource, NOW)).toThrow(
      expect.objectContaining({ code: 'hold_expired', status: 409 }),
    );
  });

  it.each(statuses.filter((s) => s !== 'held'))(
    'when a %s booking is confirmed, then it is 409 invalid_state',
    (status) => {
      expect(() => confirm(aBooking({ status }), resource, NOW)).toThrow(
        expect.objectContaining({ code: 'invalid_state' }),
      );
    },
  );
});

describe('approve and reject', () => {
  it('when a pending booking is approved, then it is confirmed; rejected, it is rejected with the reason', () => {
    const pending = aBooking({ status: 'pending' });
    expect(approve(pending, NOW).status).toBe('confirmed');
    expect(reject(pending, 'no operator', NOW)).toMatchObject({ status: 'rejected', reason: 'no operator' });
  });

  it.each(statuses.filter((s) => s !== 'pending'))(
    'when a %s booking is approved or rejected, then it is 409',
    (status) => {
      const booking = aBooking({ status });
      expect(() => approve(booking, NOW)).toThrow(expect.objectContaining({ code: 'invalid_state' }));
      expect(() => reject(booking, 'x', NOW)).toThrow(expect.objectContaining({ code: 'invalid_state' }));
    },
  );
});

describe('cancel', () => {
  // Starts in 24 h; the resource waives the fee until 24 h (1440 min) before the start.
  const policy = { ...resource.policy, freeCancelMinutes: 1440, lateCancelFeePercent: 50 };
  const onResource = aResource({ policy });
  const start = NOW + 24 * HOUR;

  it.each([
    ['a day and a minute ahead', start - 1441 * MINUTE, undefined],
    ['exactly at the free-cancel limit', start - 1440 * MINUTE, undefined],
    ['a minute inside the limit', start - 1439 * MINUTE, { amount: 40000, currency: 'CNY' }],
    ['after the start', start + MINUTE, { amount: 40000, currency: 'CNY' }],
  ])('when a confirmed booking is cancelled %s, then the fee is %j', (_name, now, fee) => {
    const next = cancel(aBooking({ start }), onResource, 'plans changed', now);
    expect(next.status).toBe('cancelled');
    expect(next.fee).toEqual(fee);
    expect(next.reason).toBe('plans changed');
  });

  it.each(['held', 'pending'] as const)(
    'when a %s booking is cancelled late, then it owes nothing',
    (status) => {
      expect(cancel(aBooking({ status, start }), onResource, undefined, start).fee).toBeUndefined();
    },
  );

  it('when no reason is given, then the cancelled booking carries none', () => {
    expect(cancel(aBooking(), onResource, undefined, NOW)).not.toHaveProperty('reason');
  });

  it.each(['rejected', 'cancelled', 'expired', 'no_show'] as const)(
    'when a %s booking is cancelled, then it is 409',
    (status) => {
      expect(() => cancel(aBooking({ status }), onResource, undefined, NOW)).toThrow(
        expect.objectContaining({ code: 'invalid_state' }),
      );
    },
  );

  it('when the fee percentage gives half a fen, then it rounds half up', () => {
    // 3 fen an hour: the quote of the booked hour is 3 fen, half of it 1.5 → 2.
    const base = aBooking({ start });
    const odd = aBooking({
      start,
      price: { amount: 3, currency: 'CNY' },
      priceTerms: { ...base.priceTerms, perHour: 3 },
    });
    expect(cancel(odd, onResource, undefined, start).fee).toEqual({ amount: 2, currency: 'CNY' });
  });
});

describe('expire and recordNoShow', () => {
  it('when a hold expires, then it is expired; anything else cannot expire', () => {
    expect(expire(aBooking({ status: 'held' }), NOW).status).toBe('expired');
    expect(() => expire(aBooking({ status: 'confirmed' }), NOW)).toThrow(
      expect.objectContaining({ code: 'invalid_state' }),
    );
  });

  it.each([
    [100, 80000],
    [50, 40000],
    [0, 0],
  ])('when a no-show is recorded under a %i%% fee, then it owes %i fen', (noShowFeePercent, amount) => {
    const onResource = aResource({ policy: { ...resource.policy, noShowFeePercent } });
    expect(recordNoShow(aBooking(), onResource, NOW)).toMatchObject({
      status: 'no_show',
      fee: { amount, currency: 'CNY' },
    });
  });

  it('when a booking that is not confirmed would be a no-show, then it is 409', () => {
    expect(() => recordNoShow(aBooking({ status: 'pending' }), resource, NOW)).toThrow(
      expect.objectContaining({ code: 'invalid_state' }),
    );
  });
});
