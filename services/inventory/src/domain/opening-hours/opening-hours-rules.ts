import type { OpeningWindow } from '@labshare/contracts';
import type { FieldError } from '@labshare/errors';
import { isoDate } from './civil-date';
import { parseRecurrence, RecurrenceError, type Recurrence } from './recurrence-rule';
import { selectedDays } from './recurrence-days';

/** Overlaps are looked for over this many days from today: two years show every weekly, monthly and yearly pattern in use. */
export const OVERLAP_CHECK_DAYS = 731;

interface CheckedWindow {
  index: number;
  window: OpeningWindow;
  rule: Recurrence;
  startMinute: number;
  endMinute: number;
}

function minuteOfDay(wallClock: string): number {
  const [hours = 0, minutes = 0] = wallClock.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Parses each window, naming the bad part of each one that cannot be used. */
function checkWindows(windows: OpeningWindow[]): { checked: CheckedWindow[]; problems: FieldError[] } {
  const checked: CheckedWindow[] = [];
  const problems: FieldError[] = [];
  windows.forEach((window, index) => {
    const startMinute = minuteOfDay(window.start);
    const endMinute = minuteOfDay(window.end);
    let rule: Recurrence | undefined;
    try {
      rule = parseRecurrence(window.rrule);
    } catch (error) {
      if (!(error instanceof RecurrenceError)) throw error;
      problems.push({
        field: `openingHours.${index}.rrule`,
        message: `is not a usable RRULE: ${error.message}`,
      });
    }
    if (endMinute <= startMinute) {
      problems.push({ field: `openingHours.${index}.end`, message: `must be after start (${window.start})` });
    } else if (rule) {
      checked.push({ index, window, rule, startMinute, endMinute });
    }
  });
  return { checked, problems };
}

/**
 * Two windows overlap when their times of day overlap and their rules select a common local date
 * (windows are half-open, so 08:00–12:00 and 12:00–18:00 only touch).
 */
function overlapProblems(checked: CheckedWindow[], today: number): FieldError[] {
  const days = new Map<number, Set<number>>();
  const daysOf = (w: CheckedWindow) => {
    let set = days.get(w.index);
    if (!set) days.set(w.index, (set = new Set(selectedDays(w.rule, today, today + OVERLAP_CHECK_DAYS))));
    return set;
  };
  const problems: FieldError[] = [];
  for (const [j, later] of checked.entries()) {
    for (const earlier of checked.slice(0, j)) {
      if (earlier.startMinute >= later.endMinute || later.startMinute >= earlier.endMinute) continue;
      const shared = [...daysOf(later)].find((day) => daysOf(earlier).has(day));
      if (shared === undefined) continue;
      const other = `openingHours.${earlier.index} (${earlier.window.start}–${earlier.window.end})`;
      problems.push({
        field: `openingHours.${later.index}`,
        message: `overlaps ${other} on ${isoDate(shared)}`,
      });
      break;
    }
  }
  return problems;
}

/** Everything wrong with a list of opening windows; `today` is an epoch day (the clock is passed in). */
export function openingHoursProblems(windows: OpeningWindow[], today: number): FieldError[] {
  const { checked, problems } = checkWindows(windows);
  return [...problems, ...overlapProblems(checked, today)];
}
