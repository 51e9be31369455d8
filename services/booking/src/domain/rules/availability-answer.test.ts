import { describe, expect, it } from 'vitest';
import { aBooking, aResource, HOUR, NOW } from '../../../test/support/booking-states';
import { availabilityOf, clockFreeKey } from './availability-answer';

const from = new Date(NOW + 24 * HOUR);
const to = new Date(NOW + 27 * HOUR);
const calendar = (bookings = [aBooking({ start: NOW + 25 * HOUR, end: NOW + 26 * HOUR })]) => ({
  resourceId: 'res-1',
  version: 1,
  bookings,
  waitlist: [],
});
const iso = (ms: number) => new Date(ms).toISOString();

describe('availabilityOf', () => {
  it('when a booking holds the middle hour, then the free time is the hours around it, in UTC', () => {
    const answer = availabilityOf(aResource(), calendar(), { from, to, quantity: 1 }, NOW);
    expect(answer).toEqual({
      resourceId: 'res-1',
      timezone: 'Asia/Shanghai',
      free: [
        { start: iso(NOW + 24 * HOUR), end: iso(NOW + 25 * HOUR), available: 1 },
        { start: iso(NOW + 26 * HOUR), end: iso(NOW + 27 * HOUR), available: 1 },
      ],
    });
  });

  it('when a duration is asked, then every grid start that fits is a slot (a slot may run past `to`)', () => {
    const answer = availabilityOf(
      aResource(),
      calendar(),
      { from, to, quantity: 1, durationMinutes: 60 },
      NOW,
    );
    const quarter = 15 * 60_000;
    expect(answer.slots?.map((s) => s.start)).toEqual(
      [24 * HOUR, 26 * HOUR, 26 * HOUR + quarter, 26 * HOUR + 2 * quarter, 26 * HOUR + 3 * quarter].map((t) =>
        iso(NOW + t),
      ),
    );
  });

  it('when the booking no longer holds units, then its time is free', () => {
    const cancelled = calendar([
      aBooking({ status: 'cancelled', start: NOW + 25 * HOUR, end: NOW + 26 * HOUR }),
    ]);
    const answer = availabilityOf(aResource(), cancelled, { from, to, quantity: 1 }, NOW);
    expect(answer.free).toEqual([{ start: iso(NOW + 24 * HOUR), end: iso(NOW + 27 * HOUR), available: 1 }]);
  });

  it('when the resource is retired, then nothing is free and no slot is offered', () => {
    const answer = availabilityOf(
      aResource({ status: 'retired' }),
      calendar([]),
      { from, to, quantity: 1, durationMinutes: 60 },
      NOW,
    );
    expect([answer.free, answer.slots]).toEqual([[], []]);
  });
});

describe('clockFreeKey', () => {
  const DAY = 24 * HOUR;
  // Bookable from an hour after now to ten days after now.
  const resource = aResource({
    version: 3,
    policy: { ...aResource().policy, leadMinutes: 60, horizonDays: 10, maxMinutes: 120 },
  });
  const ask = (fromMs: number, toMs: number, durationMinutes?: number) => ({
    from: new Date(fromMs),
    to: new Date(toMs),
    quantity: 1,
    durationMinutes,
  });

  it.each([
    ['a range inside the booking window', ask(NOW + DAY, NOW + DAY + 3 * HOUR), true],
    ['a range with its slots inside the window', ask(NOW + DAY, NOW + 9 * DAY, 60), true],
    ['a range starting within the lead time', ask(NOW + HOUR / 2, NOW + DAY), false],
    ['a range starting in the past', ask(NOW - HOUR, NOW + DAY), false],
    ['a range ending past the horizon', ask(NOW + DAY, NOW + 10 * DAY + HOUR), false],
    ['a range whose last slot runs past the horizon', ask(NOW + DAY, NOW + 10 * DAY - HOUR / 2, 60), false],
  ])('when %s, then the answer is keyed: %s', (_, request, keyed) => {
    expect(clockFreeKey(resource, calendar(), request, NOW) !== undefined).toBe(keyed);
  });

  it('when the resource, the calendar or the request differ, then so does the key', () => {
    const request = ask(NOW + DAY, NOW + DAY + 3 * HOUR, 60);
    const key = clockFreeKey(resource, calendar(), request, NOW);
    expect(
      new Set([
        key,
        clockFreeKey({ ...resource, version: 4 }, calendar(), request, NOW),
        clockFreeKey(resource, { ...calendar(), version: 2 }, request, NOW),
        clockFreeKey(resource, calendar(), { ...request, quantity: 2 }, NOW),
        clockFreeKey(resource, calendar(), { ...request, durationMinutes: 120 }, NOW),
        clockFreeKey(resource, calendar(), ask(NOW + DAY, NOW + DAY + 4 * HOUR, 60), NOW),
        clockFreeKey(resource, calendar(), { ...request, durationMinutes: undefined }, NOW),
      ]).size,
    ).toBe(7);
  });

  it('when a key holds at several instants, then the answer is the same at each: the clock plays no part', () => {
    const request = ask(NOW + DAY, NOW + 3 * DAY, 60);
    const answers = [0, HOUR, 12 * HOUR, DAY - 2 * HOUR].map((later) => {
      expect(clockFreeKey(resource, calendar(), request, NOW + later)).toBeDefined();
      return availabilityOf(resource, calendar(), request, NOW + later);
    });
    expect(answers[0]!.slots!.length).toBeGreaterThan(0);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });
});
