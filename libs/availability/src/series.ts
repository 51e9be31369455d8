import { recurrenceDays } from './recurrence-days';
import { RecurrenceRuleError, parseRecurrence, withinUntil, type Recurrence } from './recurrence-rule';
import type { Interval, Series, SeriesInput } from './types';
import { DAY_MS, mod } from './units';
import { assertTimeZone, dayOfWall, wallOf, wallToInstant } from './zone';

/**
 * Recurring bookings. The first occurrence is exactly `start`–`end`. The rule (anchored at the
 * first occurrence's local date, weeks starting on WKST, default Monday) picks later local dates,
 * and each keeps the first occurrence's local START and local END wall times: 09:00–10:30 stays
 * 09:00–10:30 local across DST, so an occurrence spanning a transition lasts an hour more or less
 * in absolute time. Wall times falling in a DST gap or repeated hour resolve like opening hours
 * (first instant after the gap / earlier occurrence); an occurrence that vanishes inside a gap is
 * omitted, so the result may hold fewer occurrences than COUNT.
 */

/** A series request the caller must fix; `field` names the offending input. */
export class SeriesRuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'SeriesRuleError';
  }
}

function parseBoundedRule(text: string): Recurrence {
  let rule: Recurrence;
  try {
    rule = parseRecurrence(text);
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: parseRecurrence throws nothing but RecurrenceRuleError
    if (error instanceof RecurrenceRuleError) throw new SeriesRuleError('rrule', error.message);
    throw error;
  }
  if (rule.count === undefined && rule.until === undefined) {
    throw new SeriesRuleError('rrule', 'a booking series needs COUNT or UNTIL');
  }
  return rule;
}

function checkInput({ start, end, timezone, maxOccurrences }: SeriesInput): void {
  if (!(end > start)) throw new SeriesRuleError('end', 'end must be after start');
  try {
    assertTimeZone(timezone);
  } catch {
    throw new SeriesRuleError('timezone', `unknown time zone ${timezone}`);
  }
  if (!Number.isSafeInteger(maxOccurrences) || maxOccurrences < 1) {
    throw new SeriesRuleError('maxOccurrences', 'maxOccurrences must be a whole number >= 1');
  }
}

export function expandSeries(input: SeriesInput): Series {
  checkInput(input);
  const { start, end, timezone, maxOccurrences } = input;
  const rule = parseBoundedRule(input.rrule);
  const startWall = wallOf(timezone, start);
  const wallDuration = wallOf(timezone, end) - startWall;
  const firstDay = dayOfWall(startWall);
  const occurrences: Interval[] = [{ start, end }];
  // As in RFC 5545 the first occurrence counts towards COUNT whether or not the rule selects its
  // date. The rule's own first COUNT dates hold enough others either way; we stop after COUNT − 1.
  let counted = 1;
  for (const day of recurrenceDays(rule, firstDay)) {
    if (counted >= (rule.count ?? Infinity)) break;
    if (day === firstDay) continue;
    const wall = day * DAY_MS + mod(startWall, DAY_MS);
    const occurrence = {
      start: wallToInstant(timezone, wall),
      end: wallToInstant(timezone, wall + wallDuration),
    };
    if (!withinUntil(rule.until, day, wall, occurrence.start)) break;
    counted += 1;
    if (occurrence.end > occurrence.start) occurrences.push(occurrence);
    if (occurrences.length > maxOccurrences) {
      throw new SeriesRuleError('rrule', `the rule yields more than ${maxOccurrences} occurrences`);
    }
  }
  return { occurrences };
}
