import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBooking } from './check-booking';
import { freeIntervals } from './free-intervals';
import { peakConcurrency } from './occupancy';
import { openingWindows } from './opening-windows';
import { slots } from './slots';
import type { Demand, Interval, Occupancy, OpeningHoursRule, ResourceCalendarSpec } from './types';

/**
 * Properties over random calendars: capacities 1–4, random bookings, buffers 0/10/15 min, slot sizes
 * 15/30/60, lead, horizon, blackouts, and zones placed on the days of their DST transitions.
 */

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** Each zone paired with the UTC day before one of its transitions (Shanghai: an ordinary week). */
const places: [string, number][] = [
  ['Europe/Berlin', Date.UTC(2026, 2, 28)],
  ['Europe/Berlin', Date.UTC(2026, 9, 24)],
  ['America/New_York', Date.UTC(2026, 2, 7)],
  ['America/New_York', Date.UTC(2026, 9, 31)],
  ['Australia/Lord_Howe', Date.UTC(2026, 3, 3)],
  ['Australia/Lord_Howe', Date.UTC(2026, 9, 2)],
  ['Asia/Shanghai', Date.UTC(2026, 2, 1)],
];

const hourPresets: (OpeningHoursRule[] | undefined)[] = [
  undefined,
  [{ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', start: '08:00', end: '18:00' }],
  [
    { rrule: 'FREQ=DAILY', start: '02:30', end: '04:00' },
    { rrule: 'FREQ=DAILY', start: '01:00', end: '02:15' },
    { rrule: 'FREQ=DAILY', start: '08:00', end: '12:00' },
  ],
  [{ rrule: 'FREQ=DAILY', start: '00:00', end: '24:00' }],
  [{ rrule: 'FREQ=WEEKLY;BYDAY=SA,SU,MO', start: '01:30', end: '23:00' }],
];

interface Scenario {
  spec: ResourceCalendarSpec;
  base: number;
  range: Interval;
  now: number;
  occupancy: Occupancy[];
  blackouts: Interval[];
}

const minutesFrom = (base: number) => (m: number) => base + m * MIN;

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    place: fc.constantFrom(...places),
    capacity: fc.integer({ min: 1, max: 4 }),
    slotMinutes: fc.constantFrom(15, 30, 60),
    bufferMinutes: fc.constantFrom(0, 10, 15),
    minSlots: fc.integer({ min: 1, max: 2 }),
    extraSlots: fc.integer({ min: 0, max: 6 }),
    leadMinutes: fc.constantFrom(0, 30, 95),
    horizonDays: fc.constantFrom(1, 1.5, 30),
    nowMinute: fc.integer({ min: -24 * 60, max: 24 * 60 }),
    hours: fc.constantFrom(...hourPresets),
    bookings: fc.array(
      fc.record({
        // Quarter hours, so booking edges often meet slot edges exactly.
        at: fc.integer({ min: -8, max: 200 }).map((q) => q * 15),
        length: fc.integer({ min: 0, max: 16 }).map((q) => q * 3),
        quantity: fc.integer({ min: 1, max: 4 }),
        // Mostly whole minutes, sometimes a millisecond off either way, to probe every edge.
        jitter: fc.constantFrom(0, 0, 0, 1, -1),
      }),
      { maxLength: 8 },
    ),
    blackouts: fc.array(
      fc.record({ at: fc.integer({ min: 0, max: 48 * 60 }), length: fc.integer({ min: 1, max: 36 }) }),
      { maxLength: 2 },
    ),
  })
  .map((r) => {
    const [timezone, base] = r.place;
    const at = minutesFrom(base);
    return {
      spec: {
        timezone,
        capacity: r.capacity,
        openingHours: r.hours,
        policy: {
          slotMinutes: r.slotMinutes,
          minMinutes: r.minSlots * r.slotMinutes,
          maxMinutes: (r.minSlots + r.extraSlots) * r.slotMinutes,
          leadMinutes: r.leadMinutes,
          horizonDays: r.horizonDays,
          bufferMinutes: r.bufferMinutes,
        },
      },
      base,
      range: { start: base, end: base + 2 * DAY },
      now: at(r.nowMinute),
      occupancy: r.bookings.map((b) => ({
        start: at(b.at) + b.jitter,
        end: at(b.at + 5 * b.length) - b.jitter,
        quantity: b.quantity,
      })),
      blackouts: r.blackouts.map((b) => ({ start: at(b.at), end: at(b.at + 5 * b.length) })),
    };
  });

/** Units held at instant t, counted naively booking by booking (the sweep's independent twin). */
function usedAt(s: Scenario, t: number): number {
  const buffer = s.spec.policy.bufferMinutes * MIN;
  return s.occupancy
    .filter((b) => b.end > b.start && b.start - buffer <= t && t < b.end + buffer)
    .reduce((sum, b) => sum + b.quantity, 0);
}

const inside = (set: Interval[], t: number) => set.some((i) => i.start <= t && t < i.end);

/** Instants where something may change, each with its neighbours, plus a 5-minute lattice. */
function probes(s: Scenario, extra: Interval[]): number[] {
  const buffer = s.spec.policy.bufferMinutes * MIN;
  const edges = [
    ...s.occupancy.flatMap((b) => [b.start - buffer, b.end + buffer]),
    ...s.blackouts.flatMap((b) => [b.start, b.end]),
    ...extra.flatMap((i) => [i.start, i.end]),
    s.now + s.spec.policy.leadMinutes * MIN,
    s.now + s.spec.policy.horizonDays * DAY,
  ];
  const lattice = Array.from({ length: (2 * DAY) / (5 * MIN) }, (_, k) => s.range.start + k * 5 * MIN);
  return [...edges.flatMap((e) => [e - 1, e, e + 1]), ...lattice].filter(
    (t) => t >= s.range.start && t < s.range.end,
  );
}

const runs = { numRuns: 120 };

describe('availability properties', () => {
  it('when free pieces (quantity 1) are computed, then free ∪ busy partitions the opening windows', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const pieces = freeIntervals({ ...s, quantity: 1 });
        const open = openingWindows(s.spec, s.range);
        pieces.forEach((p, k) => {
          expect(p.end).toBeGreaterThan(p.start);
          const next = pieces[k + 1];
          if (next) expect(next.start > p.end || next.available !== p.available).toBe(true);
          if (next) expect(next.start).toBeGreaterThanOrEqual(p.end);
        });
        const bookable = (t: number) =>
          inside(open, t) &&
          !inside(s.blackouts, t) &&
          t >= s.now + s.spec.policy.leadMinutes * MIN &&
          t < s.now + s.spec.policy.horizonDays * DAY;
        for (const t of probes(s, open)) {
          const piece = pieces.find((p) => p.start <= t && t < p.end);
          const free = bookable(t) && usedAt(s, t) < s.spec.capacity;
          expect(piece !== undefined).toBe(free);
          if (piece) expect(piece.available).toBe(s.spec.capacity - usedAt(s, t));
          if (piece) expect(inside(open, t)).toBe(true);
        }
      }),
      runs,
    );
  });

  it('when slots are offered, then none overlaps bookings beyond capacity or leaves the free time', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 6 }),
        (s, quantity, extra) => {
          const { slotMinutes, minMinutes } = s.spec.policy;
          const durationMinutes = minMinutes + extra * slotMinutes;
          const offered = slots({ ...s, quantity, durationMinutes });
          const open = openingWindows(s.spec, {
            start: s.range.start,
            end: s.range.end + durationMinutes * MIN,
          });
          const buffer = s.spec.policy.bufferMinutes * MIN;
          for (const slot of offered) {
            expect(slot.end - slot.start).toBe(durationMinutes * MIN);
            expect(peakConcurrency(s.occupancy, slot, buffer) + quantity).toBeLessThanOrEqual(
              s.spec.capacity,
            );
            for (const t of probes(s, [slot]).filter((p) => p >= slot.start && p < slot.end)) {
              expect(usedAt(s, t) + quantity).toBeLessThanOrEqual(s.spec.capacity);
            }
            expect(open.some((w) => w.start <= slot.start && slot.end <= w.end)).toBe(true);
            expect(s.blackouts.some((b) => b.start < slot.end && slot.start < b.end)).toBe(false);
          }
        },
      ),
      runs,
    );
  });

  /**
   * Requests near the boundary of validity: an offered slot as is, an offered slot nudged (start
   * or end moved, one unit more), a slot that would be offered but for the bookings, placed close
   * to one of them (buffer edges), or anything at all — so both sides of the invariant get exercised.
   */
  const requestArb = fc.record({
    mode: fc.constantFrom('slot', 'nudged', 'nearBooking', 'random'),
    pick: fc.nat(),
    lengthSlots: fc.integer({ min: 0, max: 8 }),
    quantity: fc.integer({ min: 1, max: 5 }),
    nudgeMinutes: fc.constantFrom(-60, -15, -5, 5, 10, 15, 30, 60),
    nudgeEnd: fc.boolean(),
    moreUnits: fc.boolean(),
    randomMinute: fc.integer({ min: -60, max: 49 * 60 }),
    before: fc.integer({ min: 0, max: DAY }),
    after: fc.integer({ min: 1, max: DAY }),
  });
  type RequestDraw = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

  /** Slots the calendar would offer with no bookings at all, within 30 min of a (widened) booking. */
  function slotsNearBookings(s: Scenario, quantity: number, durationMinutes: number): Interval[] {
    const reach = (s.spec.policy.bufferMinutes + 30) * MIN;
    return slots({ ...s, occupancy: [], quantity, durationMinutes }).filter((slot) =>
      s.occupancy.some((b) => slot.start < b.end + reach && b.start - reach < slot.end),
    );
  }

  function requestFrom(s: Scenario, r: RequestDraw): Demand {
    const { slotMinutes, minMinutes, maxMinutes } = s.spec.policy;
    if (r.mode === 'random') {
      const start = s.base + r.randomMinute * MIN;
      return { start, end: start + r.lengthSlots * slotMinutes * MIN, quantity: r.quantity };
    }
    const allowedLengths = (maxMinutes - minMinutes) / slotMinutes + 1;
    const durationMinutes = minMinutes + (r.lengthSlots % allowedLengths) * slotMinutes;
    const quantity = Math.min(r.quantity, s.spec.capacity);
    const offered =
      r.mode === 'nearBooking'
        ? slotsNearBookings(s, quantity, durationMinutes)
        : slots({ ...s, quantity, durationMinutes });
    const chosen = offered[r.pick % Math.max(offered.length, 1)];
    if (!chosen) return requestFrom(s, { ...r, mode: 'random' });
    if (r.mode !== 'nudged') return { ...chosen, quantity };
    const nudge = r.nudgeMinutes * MIN;
    const start = r.nudgeEnd ? chosen.start : chosen.start + nudge;
    return { start, end: chosen.end + nudge, quantity: quantity + (r.moreUnits ? 1 : 0) };
  }

  it('when any request is checked, then it is clean with no conflict iff slots offers its start', () => {
    fc.assert(
      fc.property(scenarioArb, requestArb, (s, r) => {
        const request = requestFrom(s, r);
        const verdict = checkBooking({ ...s, request });
        const range = { start: request.start - r.before, end: request.start + r.after };
        const durationMinutes = (request.end - request.start) / MIN;
        const offered = slots({ ...s, range, quantity: request.quantity, durationMinutes });
        const clean = verdict.violations.length === 0 && !verdict.conflict;
        expect(clean).toBe(offered.some((slot) => slot.start === request.start));
      }),
      { numRuns: 400 },
    );
  });

  it('when a slot is offered, then checking it as a request finds nothing wrong', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        (s, quantity, extra) => {
          const durationMinutes = s.spec.policy.minMinutes + extra * s.spec.policy.slotMinutes;
          for (const slot of slots({ ...s, quantity, durationMinutes })) {
            expect(checkBooking({ ...s, request: { ...slot, quantity } })).toEqual({
              violations: [],
              conflict: false,
            });
          }
        },
      ),
      runs,
    );
  });
});
