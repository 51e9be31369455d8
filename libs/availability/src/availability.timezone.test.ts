import { describe, expect, it } from 'vitest';
import { checkBooking } from './check-booking';
import { openingWindows } from './opening-windows';
import { expandSeries } from './series';
import { slots } from './slots';
import { policy } from './test-fixtures';
import type { Interval, ResourceCalendarSpec } from './types';

/**
 * DST edges of 2026–2027, checked against an oracle that knows nothing of the engine: it reads
 * local clocks with Intl and scans instants minute by minute. The documented rule it encodes: a
 * local wall time W maps to the earliest instant whose local clock reads W or later.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2028, 0, 1);

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Local clock reading of `instant` in `zone`, as floating ms (wall time written as if UTC). */
function clock(zone: string, instant: number): number {
  const formatter =
    formatters.get(zone) ??
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
  formatters.set(zone, formatter);
  const parts = formatter.formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
}
const offset = (zone: string, instant: number) => clock(zone, instant) - instant;
const minuteOfDay = (wall: number) => (((wall % DAY) + DAY) % DAY) / MIN;
const hhmm = (wall: number) => new Date(wall).toISOString().slice(11, 16);

interface Transition {
  at: number;
  before: number;
  after: number;
}

/** Scan hour by hour for an offset change, then minute by minute inside that hour. */
function transitions(zone: string): Transition[] {
  const found: Transition[] = [];
  for (let hour = FROM; hour < TO; hour += HOUR) {
    const before = offset(zone, hour);
    if (offset(zone, hour + HOUR) === before) continue;
    let at = hour + MIN;
    while (offset(zone, at) === before) at += MIN;
    found.push({ at, before, after: offset(zone, at) });
  }
  return found;
}

/** Every minute within ±3 h of the transition, with its local clock reading. */
function minutesAround(zone: string, at: number): { instant: number; wall: number }[] {
  return Array.from({ length: 6 * 60 }, (_, k) => at - 3 * HOUR + k * MIN).map((instant) => ({
    instant,
    wall: clock(zone, instant),
  }));
}

function resource(zone: string, start: string, end: string, slotMinutes = 30): ResourceCalendarSpec {
  return {
    timezone: zone,
    capacity: 1,
    openingHours: [{ rrule: 'FREQ=DAILY', start, end }],
    policy: { ...policy, slotMinutes, minMinutes: slotMinutes, maxMinutes: 24 * 60, horizonDays: 10_000 },
  };
}

const isOpen = (windows: Interval[], t: number) => windows.some((w) => w.start <= t && t < w.end);
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'];

describe.each(ZONES)('DST transitions of %s in 2026–2027', (zone) => {
  const found = transitions(zone);

  it('when scanning two years, then four transitions are found', () => {
    expect(found).toHaveLength(4);
  });

  const springs = found.filter((t) => t.after > t.before);
  it.each(springs.map((t) => [new Date(t.at).toISOString(), t] as const))(
    'when a window lies wholly inside the gap at %s, then that day has none',
    (_, transition) => {
      const gapStart = transition.at + transition.before;
      const spec = resource(
        zone,
        hhmm(gapStart),
        hhmm(gapStart + (transition.after - transition.before) / 2),
      );
      const windows = openingWindows(spec, { start: transition.at - DAY, end: transition.at + DAY });
      expect(windows.filter((w) => Math.abs(w.start - transition.at) < 3 * HOUR)).toEqual([]);
      expect(windows.length).toBeGreaterThan(0);
    },
  );

  describe.each(found.map((t) => [new Date(t.at).toISOString(), t] as const))('at %s', (_, transition) => {
    const minutes = minutesAround(zone, transition.at);
    /** The documented mapping, by brute force: first scanned minute whose clock reads >= wall. */
    const expectedInstant = (wall: number) => minutes.find((m) => m.wall >= wall)?.instant;
    // The wall times that are skipped (spring) or repeated (fall) at this transition.
    const edgeStart = transition.at + Math.min(transition.before, transition.after);
    const edgeEnd = transition.at + Math.max(transition.before, transition.after);
    const middle = edgeStart + (edgeEnd - edgeStart) / 2;
    const localDay = edgeStart - (((edgeStart % DAY) + DAY) % DAY);
    const around = { start: transition.at - 3 * HOUR, end: transition.at + 3 * HOUR };
    const dayRange = { start: transition.at - DAY, end: transition.at + DAY };

    it('when a window starts or ends in the skipped or repeated time, then it follows the documented rule', () => {
      // All on the transition's local date (every transition here is between 01:00 and 03:00).
      const cases = [
        [middle, edgeEnd + HOUR],
        [edgeStart - HOUR, middle],
        [edgeStart - HOUR, edgeEnd + HOUR],
      ];
      for (const [startWall = 0, endWall = 0] of cases) {
        const spec = resource(zone, hhmm(startWall), hhmm(endWall));
        const windows = openingWindows(spec, dayRange);
        const start = expectedInstant(startWall) ?? NaN;
        const end = expectedInstant(endWall) ?? NaN;
        expect(windows).toContainEqual({ start, end });
        for (const { instant } of minutes)
          expect(isOpen(windows, instant)).toBe(start <= instant && instant < end);
      }
    });

    it('when hours are 08:00–18:00, then every window of the transition days reads 08:00–18:00 locally', () => {
      const range = { start: transition.at - 3 * DAY, end: transition.at + 3 * DAY };
      const windows = openingWindows(resource(zone, '08:00', '18:00'), range);
      const whole = windows.filter((w) => w.start > range.start && w.end < range.end);
      expect(whole.length).toBeGreaterThanOrEqual(5);
      // Windows on both sides of the transition: the same local hours at different UTC offsets.
      expect(new Set(whole.map((w) => offset(zone, w.start))).size).toBe(2);
      for (const w of whole) {
        expect([hhmm(clock(zone, w.start)), hhmm(clock(zone, w.end))]).toEqual(['08:00', '18:00']);
        expect(w.end - w.start).toBe(10 * HOUR);
      }
    });

    it('when hours are 00:00–24:00, then the days fuse into one uninterrupted window', () => {
      expect(openingWindows(resource(zone, '00:00', '24:00'), dayRange)).toEqual([dayRange]);
    });

    it.each([15, 30, 60])(
      'when slots are %i minutes, then starts are exactly the minutes on the local grid',
      (slotMinutes) => {
        const spec = resource(zone, '00:00', '24:00', slotMinutes);
        const input = {
          spec,
          blackouts: [],
          occupancy: [],
          quantity: 1,
          now: FROM,
          durationMinutes: slotMinutes,
        };
        const offered = slots({ ...input, range: around }).map((s) => s.start);
        const onGrid = minutes.filter((m) => minuteOfDay(m.wall) % slotMinutes === 0).map((m) => m.instant);
        expect(offered).toEqual(onGrid);
        for (const { instant } of minutes) {
          const request = { start: instant, end: instant + slotMinutes * MIN, quantity: 1 };
          const { violations } = checkBooking({ ...input, request });
          expect(violations.includes('misaligned')).toBe(!onGrid.includes(instant));
        }
      },
    );

    it('when a daily series runs across the transition, then it keeps 09:00–10:00 locally', () => {
      const start = expectedInstantAtNine(zone, localDay - 3 * DAY);
      const { occurrences } = expandSeries({
        start,
        end: start + HOUR,
        rrule: 'FREQ=DAILY;COUNT=7',
        timezone: zone,
        maxOccurrences: 7,
      });
      expect(occurrences).toHaveLength(7);
      for (const o of occurrences)
        expect([hhmm(clock(zone, o.start)), hhmm(clock(zone, o.end))]).toEqual(['09:00', '10:00']);
    });

    it('when a daily series starts in the skipped or repeated time, then that day follows the documented rule', () => {
      const dayBefore = minutesAround(zone, transition.at - DAY).find((m) => m.wall >= middle - DAY);
      const start = dayBefore?.instant ?? NaN;
      const { occurrences } = expandSeries({
        start,
        end: start + HOUR,
        rrule: 'FREQ=DAILY;COUNT=2',
        timezone: zone,
        maxOccurrences: 2,
      });
      expect(occurrences[1]?.start).toBe(expectedInstant(middle));
      expect(occurrences[1]?.end).toBe(expectedInstant(middle + HOUR));
    });
  });
});

/** 09:00 local on the local date starting at floating `day`; no zone here shifts near 09:00. */
function expectedInstantAtNine(zone: string, day: number): number {
  const wall = day + 9 * HOUR;
  return wall - offset(zone, wall - offset(zone, wall));
}

describe('Asia/Shanghai, which has no DST', () => {
  it('when scanning 2026–2027, then no transition is found', () => {
    expect(transitions('Asia/Shanghai')).toEqual([]);
  });

  it('when hours are 08:00–18:00 daily, then every window of 2026–2027 is 00:00Z–10:00Z', () => {
    const windows = openingWindows(resource('Asia/Shanghai', '08:00', '18:00'), { start: FROM, end: TO });
    expect(windows).toHaveLength(730);
    for (const w of windows) expect([w.start % DAY, w.end - w.start]).toEqual([0, 10 * HOUR]);
  });
});
