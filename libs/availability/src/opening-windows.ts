import { clipIntervals, isEmpty, mergeIntervals, overlaps } from './intervals';
import { daysBetween } from './recurrence-days';
import { parseRecurrence, withinUntil } from './recurrence-rule';
import type { Interval, OpeningHoursRule, ResourceCalendarSpec } from './types';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './units';
import { dayOfWall, wallOf, wallToInstant } from './zone';

/**
 * Opening hours as UTC intervals. Each rule's RRULE selects local DATES (anchored at the local date
 * 2000-01-03, a Monday, so `INTERVAL=2` weeks are counted from that week); each selected date D
 * gets the window [D start, D end) in local wall-clock time, turned into instants by
 * `wallToInstant`:
 * - a start or end inside a spring-forward gap moves to the first instant after the gap
 *   (Berlin 02:30–04:00 on the spring-forward day opens at 03:00 local = 01:00Z);
 * - a start or end inside the repeated fall-back hour means its first (earlier) occurrence;
 * - a window that thereby shrinks to nothing (02:15–02:45 inside the gap) is dropped, so no window
 *   ever has end <= start.
 * 08:00–18:00 thus stays 08:00–18:00 local; a window spanning a transition (00:00–06:00) is
 * shorter or longer in absolute time that day.
 */

const OPENING_ANCHOR_DAY = dayOfWall(Date.UTC(2000, 0, 3));

/**
 * The longest span, in local days, the engine walks opening windows over: beyond the longest
 * horizon a policy allows (3660 days). Callers bound their ranges first (a booking by maxMinutes,
 * availability by the horizon); this is the backstop that keeps one request from walking centuries.
 */
export const MAX_WALK_DAYS = 3700;

/** `HH:MM` (00:00–23:59, or 24:00 for the next midnight) → ms after local midnight. */
export function parseWallClock(text: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$|^(24):(00)$/.exec(text);
  if (!match) throw new RangeError(`"${text}" is not a HH:MM wall-clock time`);
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return hours * HOUR_MS + minutes * MINUTE_MS;
}

/** The windows of `rule` that may reach into `range`, each with its local date, ascending. */
function* datedWindows(
  zone: string,
  rule: OpeningHoursRule,
  range: Interval,
): Generator<{ day: number; window: Interval }> {
  const recurrence = parseRecurrence(rule.rrule);
  const startOffset = parseWallClock(rule.start);
  const endOffset = parseWallClock(rule.end);
  // A window of date D ends by the first instant reading D+1 00:00, so earlier dates end before the
  // range starts. The day after the range's last date is kept in case a fall-back repeats midnight.
  const firstDay = dayOfWall(wallOf(zone, range.start));
  const lastDay = dayOfWall(wallOf(zone, range.end)) + 1;
  if (lastDay - firstDay > MAX_WALK_DAYS) {
    throw new RangeError(
      `a range of ${lastDay - firstDay} days is longer than the engine walks (${MAX_WALK_DAYS})`,
    );
  }
  for (const day of daysBetween(recurrence, OPENING_ANCHOR_DAY, firstDay, lastDay)) {
    const startWall = day * DAY_MS + startOffset;
    const window = {
      start: wallToInstant(zone, startWall),
      end: wallToInstant(zone, day * DAY_MS + endOffset),
    };
    if (!withinUntil(recurrence.until, day, startWall, window.start)) return;
    // Stryker disable next-line ConditionalExpression: callers drop empty windows too (clipIntervals, overlaps); this only saves work
    if (!isEmpty(window)) yield { day, window };
  }
}

/** Opening windows of `spec` inside `range`: clipped, merged (touching windows fuse), sorted. */
export function openingWindows(
  spec: Pick<ResourceCalendarSpec, 'timezone' | 'openingHours'>,
  range: Interval,
): Interval[] {
  if (isEmpty(range)) return [];
  const rules = spec.openingHours ?? [];
  if (rules.length === 0) return [{ start: range.start, end: range.end }];
  const windows = rules.flatMap((rule) => [...datedWindows(spec.timezone, rule, range)].map((w) => w.window));
  return mergeIntervals(clipIntervals(windows, range));
}

/**
 * The local dates (`YYYY-MM-DD`, ascending) on which `rule` opens a window in `timezone` that
 * overlaps `range`: the dates behind `openingWindows({ timezone, openingHours: [rule] }, range)`.
 * Dates whose window vanishes in a DST gap, or starts after UNTIL, are not among them. Meant for
 * checks over a bounded span, e.g. whether two rules with overlapping times share a date. Throws
 * `RecurrenceRuleError` for a rule outside the subset and `RangeError` for an unknown zone or a
 * malformed `HH:MM`.
 */
export function openingDates(timezone: string, rule: OpeningHoursRule, range: Interval): string[] {
  const dates: string[] = [];
  for (const { day, window } of datedWindows(timezone, rule, range)) {
    if (overlaps(window, range)) dates.push(isoDateOf(day));
  }
  return dates;
}

/** Local date (epoch day number) → `YYYY-MM-DD`. */
function isoDateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
