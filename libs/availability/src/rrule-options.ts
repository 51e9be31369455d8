import * as rruleModule from 'rrule';
import type { Options } from 'rrule';
import type { Until } from './recurrence-rule';
import { DAY_MS } from './units';

/**
 * Where a checked rule meets rrule, and the few places where rrule needs help.
 *
 * rrule ships a CommonJS (UMD) build to Node. Node's ESM loader exposes it only as the default
 * export, while CommonJS interop (tsx in CJS mode, bundlers) exposes the named exports; take
 * whichever is there.
 */
type RRuleModule = typeof rruleModule;
const loaded = rruleModule as RRuleModule & { default?: RRuleModule };
// Stryker disable next-line LogicalOperator: which module shape carries RRule depends on the loader; under vitest both do
export const { RRule } = loaded.default ?? loaded;

/**
 * rrule intersects plain and ordinal BYDAY entries (`BYDAY=MO,-1WE` matches nothing, rrule issue
 * #71) where RFC 5545 means their union. Ordinals are only allowed where they count within a month,
 * and no month has more than five of a weekday, so in a mixed list `MO` is spelled `1MO,…,5MO`.
 */
function spellOutWeekdays(byDay: string): string {
  const entries = byDay.split(',');
  // Stryker disable next-line Regex: BYDAY entries are validated before they get here: an entry starting with two letters is exactly two letters
  const plain = (entry: string) => /^[A-Z]{2}$/.test(entry);
  if (entries.every(plain) || !entries.some(plain)) return byDay;
  return entries.flatMap((e) => (plain(e) ? [1, 2, 3, 4, 5].map((n) => `${n}${e}`) : [e])).join(',');
}

/** The longest each month gets (February in leap years). */
const MONTH_LENGTHS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether some month BYMONTH allows has a day BYMONTHDAY names. A rule such as
 * `BYMONTH=2;BYMONTHDAY=30` selects nothing, and rrule only finds that out by walking to the year
 * 9999 (seconds for FREQ=DAILY), so it is answered here. Rarer never-matching rules (INTERVAL out
 * of phase with BYMONTH or BYDAY, ordinals against BYMONTHDAY) still take that walk, once.
 */
function monthDaysExist(parts: ReadonlyMap<string, string>): boolean {
  const days = parts.get('BYMONTHDAY')?.split(',').map(Number);
  const months = parts.get('BYMONTH')?.split(',').map(Number) ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  return (
    days === undefined || months.some((m) => days.some((d) => Math.abs(d) <= (MONTH_LENGTHS[m - 1] ?? 0)))
  );
}

/**
 * The last local date UNTIL can let through. rrule only gets this date-level bound (so it stops
 * walking there); the exact comparison needs the time of day and zone, see `withinUntil`. A UTC
 * UNTIL may fall on the next local date east of Greenwich.
 */
function lastDayOf(until: Until): number {
  if (until.kind === 'date') return until.day;
  return until.kind === 'local' ? Math.floor(until.wall / DAY_MS) : Math.floor(until.instant / DAY_MS) + 1;
}

/**
 * rrule options (without DTSTART) for checked, upper-case parts other than UNTIL; `undefined` when
 * the rule can select nothing.
 */
export function rruleOptions(
  parts: ReadonlyMap<string, string>,
  until?: Until,
): Partial<Options> | undefined {
  if (!monthDaysExist(parts)) return undefined;
  const text = [...parts]
    .map(([name, value]) => `${name}=${name === 'BYDAY' ? spellOutWeekdays(value) : value}`)
    .join(';');
  const options = RRule.parseString(text);
  return until ? { ...options, until: new Date(lastDayOf(until) * DAY_MS) } : options;
}
