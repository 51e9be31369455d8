import { clipIntervals, subtractIntervals } from './intervals';
import { openingWindows } from './opening-windows';
import type { Interval, ResourceCalendarSpec } from './types';
import { DAY_MS, minutesToMs } from './units';

/**
 * The time a booking may occupy regardless of other bookings: `[now + lead, now + horizon)`.
 * A negative lead never lets a booking start in the past. The horizon is counted in absolute
 * 24-hour days from `now`.
 */
export function bookingWindow(spec: ResourceCalendarSpec, now: number): Interval {
  const { leadMinutes, horizonDays } = spec.policy;
  return { start: now + Math.max(0, minutesToMs(leadMinutes)), end: now + Math.round(horizonDays * DAY_MS) };
}

/**
 * Opening windows within `range`, minus blackouts, limited to the booking window. The range is
 * limited first, so the work is bounded by the horizon however far the range reaches.
 */
export function bookableTime(
  spec: ResourceCalendarSpec,
  blackouts: readonly Interval[],
  range: Interval,
  window: Interval,
): Interval[] {
  const [bookable] = clipIntervals([range], window);
  if (!bookable) return [];
  return subtractIntervals(openingWindows(spec, bookable), blackouts);
}
