import { clipIntervals, isEmpty, mergeIntervals } from './intervals';
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

/** `HH:MM` (00:00–23:59, or 24:00 for the next midnight) → ms after local midnight. */
export function parseWallClock(text: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$|^(24):(00)$/.exec(text);
  if (!match) throw new RangeError(`"${text}" is not a HH:MM wall-clock time`);
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return hours * HOUR_MS + minutes * MINUTE_MS;
}

function windowsOfRule(zone: string, rule: OpeningHoursRule, range: Interval): Interval[] {
  const recurrence = parseRecurrence(rule.rrule);
  const startOffset = parseWallClock(rule.start);
  const endOffset = parseWallClock(rule.end);
  // A window of date D ends by the first instant reading D+1 00:00, so earlier dates end before the
  // range starts. The day after the range's last date is kept in case a fall-back repeats midnight.
  const firstDay = dayOfWall(wallOf(zone, range.start));
  const lastDay = dayOfWall(wallOf(zone, range.end)) + 1;
  const windows: Interval[] = [];
  for (const day of daysBetween(recurrence, OPENING_ANCHOR_DAY, firstDay, lastDay)) {
    const startWall = day * DAY_MS + startOffset;
    const window = {
      start: wallToInstant(zone, startWall),
      end: wallToInstant(zone, day * DAY_MS + endOffset),
    };
    if (!withinUntil(recurrence.until, day, startWall, window.start)) break;
    if (!isEmpty(window)) windows.push(window);
  }
  return windows;
}

/** Opening windows of `spec` inside `range`: clipped, merged (touching windows fuse), sorted. */
export function openingWindows(spec: ResourceCalendarSpec, range: Interval): Interval[] {
  if (isEmpty(range)) return [];
  const rules = spec.openingHours ?? [];
  if (rules.length === 0) return [{ start: range.start, end: range.end }];
  const windows = rules.flatMap((rule) => windowsOfRule(spec.timezone, rule, range));
  return mergeIntervals(clipIntervals(windows, range));
}
