import { civilDate, daysInMonth, epochDay, isoWeekday, mod, type CivilDate } from './civil-date';
import type { Recurrence } from './recurrence-rule';

/**
 * Which local dates a rule selects, by testing each date of a bounded range. Opening-hours rules
 * carry no DTSTART: like the booking service, they are anchored at the local date 2000-01-03 (a
 * Monday), which fixes the phase of INTERVAL and the default day (the 3rd, in January for YEARLY).
 * The work is bounded by the range, so a rule that never matches cannot make us loop for long
 * (the `rrule` package walks such a rule to the year 9999: seconds of CPU per request).
 */
export const ANCHOR_DAY = epochDay({ year: 2000, month: 1, day: 3 });
const ANCHOR = civilDate(ANCHOR_DAY);

function weekStartOf(day: number, weekStart: number): number {
  return day - mod(isoWeekday(day) - weekStart, 7);
}

function monthDayMatches(rule: Recurrence, date: CivilDate): boolean {
  const length = daysInMonth(date.year, date.month);
  return rule.byMonthDay.some((d) => (d > 0 ? d : length + 1 + d) === date.day);
}

function weekdayMatches(rule: Recurrence, date: CivilDate, day: number): boolean {
  const length = daysInMonth(date.year, date.month);
  return rule.byDay.some(({ weekday, nth }) => {
    if (weekday !== isoWeekday(day)) return false;
    if (nth === undefined) return true;
    return nth > 0 ? Math.ceil(date.day / 7) === nth : Math.floor((length - date.day) / 7) + 1 === -nth;
  });
}

/** BYMONTHDAY / BYDAY inside one month; neither means the anchor's day of the month. */
function dayOfMonthMatches(rule: Recurrence, date: CivilDate, day: number): boolean {
  if (rule.byMonthDay.length === 0 && rule.byDay.length === 0) return date.day === ANCHOR.day;
  return (
    (rule.byMonthDay.length === 0 || monthDayMatches(rule, date)) &&
    (rule.byDay.length === 0 || weekdayMatches(rule, date, day))
  );
}

function periodMatches(rule: Recurrence, date: CivilDate, day: number): boolean {
  switch (rule.freq) {
    case 'DAILY':
      return (
        mod(day - ANCHOR_DAY, rule.interval) === 0 &&
        (rule.byMonthDay.length === 0 || monthDayMatches(rule, date)) &&
        (rule.byDay.length === 0 || weekdayMatches(rule, date, day))
      );
    case 'WEEKLY': {
      const weeks = (weekStartOf(day, rule.weekStart) - weekStartOf(ANCHOR_DAY, rule.weekStart)) / 7;
      const weekdays = rule.byDay.length > 0 ? rule.byDay.map((d) => d.weekday) : [isoWeekday(ANCHOR_DAY)];
      return mod(weeks, rule.interval) === 0 && weekdays.includes(isoWeekday(day));
    }
    case 'MONTHLY': {
      const months = (date.year - ANCHOR.year) * 12 + date.month - ANCHOR.month;
      return mod(months, rule.interval) === 0 && dayOfMonthMatches(rule, date, day);
    }
    case 'YEARLY': {
      if (mod(date.year - ANCHOR.year, rule.interval) !== 0) return false;
      const expands = rule.byMonth.length > 0 || rule.byDay.length > 0 || rule.byMonthDay.length > 0;
      if (!expands) return date.month === ANCHOR.month && date.day === ANCHOR.day;
      return dayOfMonthMatches(rule, date, day);
    }
  }
}

export function selectsDay(rule: Recurrence, day: number): boolean {
  if (day < ANCHOR_DAY || (rule.untilDay !== undefined && day > rule.untilDay)) return false;
  const date = civilDate(day);
  if (rule.byMonth.length > 0 && !rule.byMonth.includes(date.month)) return false;
  return periodMatches(rule, date, day);
}

/** Local dates in `[from, to)` the rule selects, ascending. COUNT is counted from the anchor. */
export function selectedDays(rule: Recurrence, from: number, to: number): number[] {
  const days: number[] = [];
  let seen = 0;
  const first = rule.count === undefined ? Math.max(from, ANCHOR_DAY) : ANCHOR_DAY;
  for (let day = first; day < to; day++) {
    if (!selectsDay(rule, day)) continue;
    seen += 1;
    if (day >= from) days.push(day);
    if (rule.count !== undefined && seen >= rule.count) break;
  }
  return days;
}
