import { DateTime } from 'luxon';
import type { ResourceAvailability } from './api-types';

export interface WeekGrid {
  days: DateTime[];
  /** Minutes after local midnight at which each row starts. */
  rows: number[];
  step: number;
}

/** Monday 00:00 of the week holding `day`, in `zone`. */
export function weekStart(zone: string, day = DateTime.now()): DateTime {
  return day.setZone(zone).startOf('week');
}

/**
 * The rows a week shows: `step`-minute rows from the earliest free time of any day to the latest
 * (08:00–18:00 when nothing is free), the whole day when free time runs over a midnight.
 */
export function weekGrid(start: DateTime, free: ResourceAvailability['free'], slotMinutes: number): WeekGrid {
  const step = Math.max(30, slotMinutes);
  const days = Array.from({ length: 7 }, (_, i) => start.plus({ days: i }));
  const zone = start.zoneName ?? 'UTC';
  const spans = free.map(
    (f) => [DateTime.fromISO(f.start, { zone }), DateTime.fromISO(f.end, { zone })] as const,
  );
  const minuteOf = (t: DateTime) => t.hour * 60 + t.minute;
  const overnight = spans.some(([from, to]) => !from.hasSame(to.minus({ minutes: 1 }), 'day'));
  const first = overnight ? 0 : Math.min(8 * 60, ...spans.map(([from]) => minuteOf(from)));
  const last = overnight ? 1440 : Math.max(18 * 60, ...spans.map(([, to]) => minuteOf(to) || 1440));
  const rows: number[] = [];
  for (let m = Math.floor(first / step) * step; m < last; m += step) rows.push(m);
  return { days, rows, step };
}

/** The start instants (epoch ms) at which a booking of the asked duration fits, from now on. */
export function bookableStarts(availability: ResourceAvailability, now = Date.now()): Set<number> {
  return new Set((availability.slots ?? []).map((s) => Date.parse(s.start)).filter((start) => start > now));
}
