import { assertRecurrenceRule, openingDates, RecurrenceRuleError } from '@labshare/availability';
import type { OpeningWindow } from '@labshare/contracts';
import type { FieldError } from '@labshare/errors';

/** Overlaps are looked for over this many days from now: two years show every weekly, monthly and yearly pattern in use. */
export const OVERLAP_CHECK_DAYS = 731;
const DAY_MS = 86_400_000;

interface CheckedWindow {
  index: number;
  window: OpeningWindow;
}

/**
 * Checks each window, naming the bad part of each one that cannot be used. RRULEs are checked by the
 * availability engine booking expands them with, so a rule accepted here is one booking understands.
 * Start and end are `HH:MM` (checked by the schema), which order as text as the times they name.
 */
function checkWindows(windows: OpeningWindow[]): { checked: CheckedWindow[]; problems: FieldError[] } {
  const checked: CheckedWindow[] = [];
  const problems: FieldError[] = [];
  windows.forEach((window, index) => {
    let usable = true;
    try {
      assertRecurrenceRule(window.rrule);
    } catch (error) {
      if (!(error instanceof RecurrenceRuleError)) throw error;
      usable = false;
      problems.push({
        field: `openingHours.${index}.rrule`,
        message: `is not a usable RRULE: ${error.message}`,
      });
    }
    if (window.end <= window.start) {
      problems.push({ field: `openingHours.${index}.end`, message: `must be after start (${window.start})` });
    } else if (usable) {
      checked.push({ index, window });
    }
  });
  return { checked, problems };
}

/**
 * Two windows overlap when their times of day overlap and both open on a common local date of the
 * next OVERLAP_CHECK_DAYS days (windows are half-open, so 08:00–12:00 and 12:00–18:00 only touch).
 * The dates come from the availability engine, in the resource's zone, as booking will see them.
 */
function overlapProblems(checked: CheckedWindow[], timezone: string, now: Date): FieldError[] {
  const span = { start: now.getTime(), end: now.getTime() + OVERLAP_CHECK_DAYS * DAY_MS };
  const dates = new Map<number, Set<string>>();
  const datesOf = (w: CheckedWindow) => {
    let set = dates.get(w.index);
    // Stryker disable next-line ConditionalExpression: a memo: recomputing a window's dates gives the same set
    if (!set) dates.set(w.index, (set = new Set(openingDates(timezone, w.window, span))));
    return set;
  };
  const problems: FieldError[] = [];
  for (const [j, later] of checked.entries()) {
    for (const earlier of checked.slice(0, j)) {
      const [a, b] = [earlier.window, later.window];
      if (a.start >= b.end || b.start >= a.end) continue;
      const shared = [...datesOf(later)].find((date) => datesOf(earlier).has(date));
      if (shared === undefined) continue;
      problems.push({
        field: `openingHours.${later.index}`,
        message: `overlaps openingHours.${earlier.index} (${a.start}–${a.end}) on ${shared}`,
      });
      break;
    }
  }
  return problems;
}

/** Everything wrong with a resource's opening windows in its `timezone` (the clock is passed in). */
export function openingHoursProblems(windows: OpeningWindow[], timezone: string, now: Date): FieldError[] {
  const { checked, problems } = checkWindows(windows);
  return [...problems, ...overlapProblems(checked, timezone, now)];
}
