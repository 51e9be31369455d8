import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aBooking, aResource, HOUR, NOW } from '../../../test/support/booking-states';
import { availabilityOf, clippedTo, clockFreeKey, minuteKey } from './availability-answer';

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

describe("minuteKey and clippedTo (a range the booking window clips: today's view, past the horizon)", () => {
  const MIN = 60_000;
  const DAY = 24 * HOUR;
  const arbitraryCase = fc.record({
    leadMinutes: fc.constantFrom(0, 30, 60),
    bufferMinutes: fc.constantFrom(0, 15),
    slotMinutes: fc.constantFrom(15, 30, 60),
    hours: fc.constantFrom(
      [],
      [{ rrule: 'FREQ=DAILY', start: '08:00', end: '18:00' }],
      [{ rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', start: '00:00', end: '24:00' }],
    ),
    capacity: fc.integer({ min: 1, max: 3 }),
    horizonDays: fc.constantFrom(1, 2, 30),
    bookings: fc.array(
      fc.record({
        startMin: fc.integer({ min: -600, max: 4000 }),
        minutes: fc.integer({ min: 15, max: 600 }),
      }),
      { maxLength: 12 },
    ),
    nowMs: fc.integer({ min: 0, max: 3 * DAY }),
    fromBackMin: fc.integer({ min: -600, max: 180 }),
    spanMin: fc.integer({ min: 60, max: 3000 }),
    durationMinutes: fc.constantFrom(undefined, 30, 60, 120),
    quantity: fc.integer({ min: 1, max: 2 }),
  });

  it('when the window clips the range at its start or its end, then the answer worked out for the minute and clipped is the answer now', () => {
    const seen = { beforeWindow: 0, pastHorizon: 0 };
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const resource = aResource({
          capacity: c.capacity,
          openingHours: [...c.hours],
          policy: {
            ...aResource().policy,
            leadMinutes: c.leadMinutes,
            bufferMinutes: c.bufferMinutes,
            slotMinutes: c.slotMinutes,
            minMinutes: c.slotMinutes,
            maxMinutes: 240,
            horizonDays: c.horizonDays,
          },
        });
        const now = NOW + c.nowMs;
        const cal = calendar(
          c.bookings.map((b, i) =>
            aBooking({
              id: `b${i}`,
              start: NOW + b.startMin * MIN,
              end: NOW + (b.startMin + b.minutes) * MIN,
            }),
          ),
        );
        const request = {
          from: new Date(now - c.fromBackMin * MIN),
          to: new Date(now + c.spanMin * MIN),
          quantity: c.quantity,
          durationMinutes: c.durationMinutes,
        };
        const minute = minuteKey(resource, cal, request, now);
        const reach = request.to.getTime() + (c.durationMinutes ?? 0) * MIN;
        if (request.from.getTime() < minute.now.start) seen.beforeWindow++;
        if (reach > minute.now.end) seen.pastHorizon++;
        const made = availabilityOf(resource, cal, request, now, minute.window);
        expect(clippedTo(made, minute.now)).toEqual(availabilityOf(resource, cal, request, now));
      }),
      { numRuns: 300 },
    );
    // Both edges were exercised, not only the cases where the window clips nothing.
    expect(seen.beforeWindow).toBeGreaterThan(30);
    expect(seen.pastHorizon).toBeGreaterThan(30);
  });

  it('when the minute, the calendar or the request differ, then so does the key; its window holds every window of the minute', () => {
    const request = { from: new Date(NOW), to: new Date(NOW + DAY), quantity: 1 };
    const minute = NOW - (NOW % 60_000);
    const at = (offset: number, over = { resource: aResource(), calendar: calendar(), request }) =>
      minuteKey(over.resource, over.calendar, over.request, minute + offset);
    const key = at(10_000).key;
    expect(at(59_999).key).toBe(key);
    expect(at(60_000).key).not.toBe(key);
    expect(
      at(10_000, { resource: aResource(), calendar: { ...calendar(), version: 2 }, request }).key,
    ).not.toBe(key);
    expect(
      at(10_000, { resource: aResource(), calendar: calendar(), request: { ...request, quantity: 2 } }).key,
    ).not.toBe(key);
    const { window } = at(0);
    for (const offset of [0, 30_000, 59_999]) {
      const now = at(offset).now;
      expect(window.start <= now.start && now.end <= window.end).toBe(true);
    }
    expect([window.start, window.end]).toEqual([at(0).now.start, at(60_000).now.end]);
  });
});
