import type { Options } from 'rrule';
import { rruleOptions } from './rrule-options';
import { DAY_MS } from './units';

/**
 * RRULE text → a checked rule for rrule, in the subset the engine supports (RFC 5545 semantics):
 * FREQ=DAILY|WEEKLY|MONTHLY|YEARLY, INTERVAL, COUNT, UNTIL, BYDAY (ordinals only for MONTHLY and for
 * YEARLY with BYMONTH), BYMONTHDAY (not with WEEKLY), BYMONTH, WKST.
 *
 * rrule's own parser is lenient: it accepts parts outside the subset (BYSETPOS, BYHOUR, DTSTART, …),
 * keeps the last of repeated parts, and silently misreads bad values (INTERVAL=0 yields nothing,
 * BYDAY=XX becomes undefined, BYMONTH=13 never matches, UNTIL=20260230 rolls over into March). So
 * every part is checked here first, and anything outside the subset is refused loudly with a
 * `RecurrenceRuleError` naming the part rather than half-understood.
 */

export class RecurrenceRuleError extends Error {
  constructor(
    readonly part: string,
    message: string,
  ) {
    super(message);
    this.name = 'RecurrenceRuleError';
  }
}

/** UNTIL as written: a local date, a local date-time, or a UTC date-time (trailing `Z`). */
export type Until =
  { kind: 'date'; day: number } | { kind: 'local'; wall: number } | { kind: 'utc'; instant: number };

export interface Recurrence {
  /** The checked rule in upper case, without `RRULE:`; identifies it in caches. */
  key: string;
  /**
   * rrule options without DTSTART (the anchor is the caller's) and with UNTIL only as a bound on
   * dates; absent when the rule can select nothing (see rrule-options.ts).
   */
  options?: Partial<Options>;
  count?: number;
  until?: Until;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const SUPPORTED = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'WKST']);

function integerIn(part: string, text: string, min: number, max: number): void {
  const value = Number(text);
  if (!/^[+-]?\d+$/.test(text) || value < min || value > max) {
    throw new RecurrenceRuleError(part, `${part}=${text} is not an integer in ${min}..${max}`);
  }
}

/** BYMONTHDAY and BYDAY ordinals count from the end when negative; zero does not exist. */
function nonZeroIn(part: string, text: string, limit: number, entry = text): void {
  integerIn(part, text, -limit, limit);
  if (Number(text) === 0)
    throw new RecurrenceRuleError(
      part,
      `${part} entry ${entry} is zero; counting starts at 1 (or -1 from the end)`,
    );
}

function list(part: string, text: string, check: (entry: string) => void): void {
  if (text === '') throw new RecurrenceRuleError(part, `${part} is empty`);
  text.split(',').forEach(check);
}

function weekday(part: string, code: string): void {
  if (!WEEKDAYS.includes(code)) throw new RecurrenceRuleError(part, `${code} is not a weekday code`);
}

/** Checks one BYDAY entry (`MO`, `-1FR`, …) and tells whether it has an ordinal. */
function byDayEntry(entry: string): boolean {
  const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(entry);
  if (!match) throw new RecurrenceRuleError('BYDAY', `${entry} is not a BYDAY entry`);
  weekday('BYDAY', match[2] ?? '');
  if (match[1] !== undefined) nonZeroIn('BYDAY', match[1], 5, entry);
  return match[1] !== undefined;
}

function parseUntil(text: string): Until {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(text);
  if (!match) throw new RecurrenceRuleError('UNTIL', `UNTIL=${text} is not YYYYMMDD[THHMMSS[Z]]`);
  const fields = match.slice(1, 7).map((digits) => Number(digits ?? 0));
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = fields;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2026-02-30 over into March; reading the fields back catches that.
  const date = new Date(wall);
  const readBack = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  readBack.push(date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  if (readBack.some((value, index) => value !== fields[index])) {
    throw new RecurrenceRuleError('UNTIL', `UNTIL=${text} is not a real date and time`);
  }
  if (match[4] === undefined) return { kind: 'date', day: Math.floor(wall / DAY_MS) };
  return match[7] === 'Z' ? { kind: 'utc', instant: wall } : { kind: 'local', wall };
}

/** Whether an occurrence starting on local `day`, local `wall`, at `instant` is within UNTIL. */
export function withinUntil(until: Until | undefined, day: number, wall: number, instant: number): boolean {
  if (until === undefined) return true;
  if (until.kind === 'date') return day <= until.day;
  return until.kind === 'local' ? wall <= until.wall : instant <= until.instant;
}

function splitParts(rule: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const part of rule
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')) {
    if (part === '') continue;
    const [key = '', value, ...rest] = part.split('=');
    if (value === undefined || rest.length > 0)
      throw new RecurrenceRuleError(key, `"${part}" is not KEY=VALUE`);
    const name = key.toUpperCase();
    if (parts.has(name)) throw new RecurrenceRuleError(name, `${name} appears twice`);
    if (!SUPPORTED.has(name)) throw new RecurrenceRuleError(name, `${name} is not supported`);
    parts.set(name, value.toUpperCase());
  }
  return parts;
}

/** Checks every part's value and the combinations the subset leaves out. */
function checkParts(parts: Map<string, string>): void {
  const freq = parts.get('FREQ');
  if (freq === undefined || !FREQUENCIES.includes(freq)) {
    throw new RecurrenceRuleError('FREQ', `FREQ must be one of ${FREQUENCIES.join(', ')}`);
  }
  const checks: Record<string, (value: string) => void> = {
    INTERVAL: (v) => integerIn('INTERVAL', v, 1, 10_000),
    COUNT: (v) => integerIn('COUNT', v, 1, 1_000_000),
    BYMONTHDAY: (v) => list('BYMONTHDAY', v, (d) => nonZeroIn('BYMONTHDAY', d, 31)),
    BYMONTH: (v) => list('BYMONTH', v, (m) => integerIn('BYMONTH', m, 1, 12)),
    WKST: (v) => weekday('WKST', v),
  };
  for (const [name, check] of Object.entries(checks)) {
    const value = parts.get(name);
    if (value !== undefined) check(value);
  }
  let ordinals = false;
  const byDay = parts.get('BYDAY');
  if (byDay !== undefined) list('BYDAY', byDay, (entry) => (ordinals = byDayEntry(entry) || ordinals));
  const ordinalsMeanMonth = freq === 'MONTHLY' || (freq === 'YEARLY' && parts.has('BYMONTH'));
  if (ordinals && !ordinalsMeanMonth) {
    throw new RecurrenceRuleError(
      'BYDAY',
      'BYDAY ordinals are supported with MONTHLY, or YEARLY with BYMONTH',
    );
  }
  if (freq === 'WEEKLY' && parts.has('BYMONTHDAY')) {
    throw new RecurrenceRuleError('BYMONTHDAY', 'BYMONTHDAY is not allowed with FREQ=WEEKLY');
  }
  if (parts.has('COUNT') && parts.has('UNTIL')) {
    throw new RecurrenceRuleError('UNTIL', 'COUNT and UNTIL must not both be present');
  }
}

const parsed = new Map<string, Recurrence>();
const MAX_PARSED = 1_000;

/** Parses `text` (cached by its text), or throws a `RecurrenceRuleError` naming the first bad part. */
export function parseRecurrence(text: string): Recurrence {
  const cached = parsed.get(text);
  if (cached) return cached;
  const parts = splitParts(text);
  checkParts(parts);
  const untilText = parts.get('UNTIL');
  const until = untilText === undefined ? undefined : parseUntil(untilText);
  const count = parts.has('COUNT') ? Number(parts.get('COUNT')) : undefined;
  const key = [...parts].map(([name, value]) => `${name}=${value}`).join(';');
  // Stryker disable next-line StringLiteral: rruleOptions replaces any UNTIL rrule reads with the date bound, so leaving UNTIL in changes nothing
  parts.delete('UNTIL');
  const rule: Recurrence = { key, options: rruleOptions(parts, until), count, until };
  // Stryker disable next-line all: the cache bound only limits memory; a cleared cache parses the same rule again
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(text, rule);
  return rule;
}

/** Throws a `RecurrenceRuleError` naming the first bad part unless `text` is in the supported subset. */
export function assertRecurrenceRule(text: string): void {
  parseRecurrence(text);
}
