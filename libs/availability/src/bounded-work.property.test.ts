import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBooking } from './check-booking';
import { freeIntervals } from './free-intervals';
import { slots } from './slots';
import type { OpeningHoursRule, ResourceCalendarSpec } from './types';

/**
 * Work is bounded by the policy, never by what a request asks for: a span of centuries, a start in
 * year 2200 or a range at the far end of the horizon costs about as much as an ordinary request.
 * (One request once froze a whole platform for 50 s by walking opening windows over centuries.)
 */

const MIN = 60_000;
const DAY = 1440 * MIN;
const YEAR = 366 * DAY;
const NOW = Date.UTC(2026, 11, 2, 9);
/** Per call, on a loaded 2-core CI machine; an unbounded walk over centuries takes seconds. */
const BOUND_MS = 250;

const rules: OpeningHoursRule[][] = [
  [],
  [{ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', start: '08:00', end: '18:00' }],
  [{ rrule: 'FREQ=MONTHLY;BYDAY=2TU', start: '09:00', end: '12:00' }],
  [
    { rrule: 'FREQ=DAILY', start: '01:00', end: '02:15' },
    { rrule: 'FREQ=DAILY;INTERVAL=3', start: '08:00', end: '20:00' },
  ],
];

const spec = fc.record({
  timezone: fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York'),
  capacity: fc.integer({ min: 1, max: 4 }),
  openingHours: fc.constantFrom(...rules),
  policy: fc.record({
    slotMinutes: fc.constantFrom(15, 30, 60),
    minMinutes: fc.constant(15),
    maxMinutes: fc.integer({ min: 60, max: 366 * 1440 }),
    leadMinutes: fc.integer({ min: 0, max: 1440 }),
    horizonDays: fc.integer({ min: 1, max: 3660 }),
    bufferMinutes: fc.constantFrom(0, 15),
  }),
}) as fc.Arbitrary<ResourceCalendarSpec>;

function timed<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = work();
  return { ms: performance.now() - started, value };
}

describe('bounded work', () => {
  it('when a booking request has an arbitrary span (up to 10,000 years, starting up to 200 years away), then the check stays within the bound', () => {
    fc.assert(
      fc.property(
        spec,
        fc.integer({ min: -200, max: 200 }).map((years) => NOW + years * YEAR),
        fc.integer({ min: 1, max: 10_000 * 366 * 1440 }),
        (calendar, start, minutes) => {
          const request = { start, end: start + minutes * MIN, quantity: 1 };
          const { ms, value } = timed(() =>
            checkBooking({ spec: calendar, blackouts: [], occupancy: [], request, now: NOW }),
          );
          expect(ms).toBeLessThan(BOUND_MS);
          if (minutes > calendar.policy.maxMinutes) expect(value.violations).toContain('too_long');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('when availability is asked for any range the API allows (up to 366 days, anywhere), then it stays within the bound', () => {
    fc.assert(
      fc.property(
        spec,
        fc.integer({ min: -200, max: 200 }).map((years) => NOW + years * YEAR),
        fc.integer({ min: 1, max: 366 }),
        fc.constantFrom(60, 1440, 366 * 1440),
        (calendar, start, days, durationMinutes) => {
          const input = {
            spec: calendar,
            blackouts: [],
            occupancy: [],
            range: { start, end: start + days * DAY },
            quantity: 1,
            now: NOW,
          };
          expect(timed(() => freeIntervals(input)).ms).toBeLessThan(BOUND_MS);
          expect(timed(() => slots({ ...input, durationMinutes })).ms).toBeLessThan(BOUND_MS * 4);
        },
      ),
      { numRuns: 40 },
    );
  });
});
