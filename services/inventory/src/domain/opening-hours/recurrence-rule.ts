import { epochDay } from './civil-date';

/**
 * The RRULE subset opening hours may use, parsed strictly: the booking service expands the same
 * subset (FREQ=DAILY|WEEKLY|MONTHLY|YEARLY, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, WKST),
 * so a rule accepted here is one it understands. Anything else is refused rather than half-understood.
 */

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

export interface WeekdayRule {
  /** ISO weekday, Monday = 1. */
  weekday: number;
  /** 2 = second in the month, -1 = last; absent = every such weekday. */
  nth?: number;
}

export interface Recurrence {
  freq: Frequency;
  interval: number;
  count?: number;
  /** Last local date (epoch day) an occurrence may fall on. */
  untilDay?: number;
  byDay: WeekdayRule[];
  byMonthDay: number[];
  byMonth: number[];
  weekStart: number;
}

export class RecurrenceError extends Error {
  override name = 'RecurrenceError';
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const PARTS = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'WKST']);

function integer(part: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^[+-]?\d+$/.test(text) || value < min || value > max) {
    throw new RecurrenceError(`${part}=${text} is not a whole number in ${min}..${max}`);
  }
  return value;
}

function list<T>(part: string, text: string, item: (entry: string) => T): T[] {
  if (text === '') throw new RecurrenceError(`${part} is empty`);
  return text.split(',').map(item);
}

function weekday(part: string, code: string): number {
  const index = WEEKDAYS.indexOf(code);
  if (index < 0) throw new RecurrenceError(`${part}: ${code} is not a weekday (MO..SU)`);
  return index + 1;
}

function weekdayRule(entry: string): WeekdayRule {
  const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(entry);
  if (!match) throw new RecurrenceError(`BYDAY: ${entry} is not a weekday such as MO or 2TU`);
  const day = weekday('BYDAY', match[2] ?? '');
  if (match[1] === undefined) return { weekday: day };
  const nth = integer('BYDAY', match[1], -5, 5);
  if (nth === 0) throw new RecurrenceError(`BYDAY: ${entry} has a zero ordinal`);
  return { weekday: day, nth };
}

function monthDay(entry: string): number {
  const value = integer('BYMONTHDAY', entry, -31, 31);
  if (value === 0) throw new RecurrenceError('BYMONTHDAY=0 does not exist');
  return value;
}

function untilDay(text: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(text);
  if (!match) throw new RecurrenceError(`UNTIL=${text} is not YYYYMMDD[THHMMSS[Z]]`);
  const [year, month, day] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() + 1 !== month || check.getUTCDate() !== day || Number(match[4] ?? 0) > 23) {
    throw new RecurrenceError(`UNTIL=${text} is not a real date`);
  }
  return epochDay({ year, month, day });
}

function splitParts(text: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const part of text
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')) {
    if (part === '') continue;
    const [key = '', value, ...rest] = part.split('=');
    const name = key.trim().toUpperCase();
    if (value === undefined || rest.length > 0) throw new RecurrenceError(`"${part}" is not KEY=VALUE`);
    if (!PARTS.has(name)) {
      throw new RecurrenceError(`${name} is not supported (use ${[...PARTS].join(', ')})`);
    }
    if (parts.has(name)) throw new RecurrenceError(`${name} appears twice`);
    parts.set(name, value.trim().toUpperCase());
  }
  return parts;
}

function checkCombination(rule: Recurrence): void {
  const ordinals = rule.byDay.some((d) => d.nth !== undefined);
  if (ordinals && !(rule.freq === 'MONTHLY' || (rule.freq === 'YEARLY' && rule.byMonth.length > 0))) {
    throw new RecurrenceError('BYDAY ordinals (2TU, -1FR) need FREQ=MONTHLY, or FREQ=YEARLY with BYMONTH');
  }
  if (rule.freq === 'WEEKLY' && rule.byMonthDay.length > 0) {
    throw new RecurrenceError('BYMONTHDAY is not allowed with FREQ=WEEKLY');
  }
  if (rule.count !== undefined && rule.untilDay !== undefined) {
    throw new RecurrenceError('COUNT and UNTIL must not both be present');
  }
}

export function parseRecurrence(text: string): Recurrence {
  const parts = splitParts(text);
  const freq = parts.get('FREQ');
  if (freq === undefined || !FREQUENCIES.includes(freq)) {
    throw new RecurrenceError(`FREQ must be one of ${FREQUENCIES.join(', ')}`);
  }
  const read = <T>(name: string, parse: (value: string) => T): T | undefined => {
    const value = parts.get(name);
    return value === undefined ? undefined : parse(value);
  };
  const rule: Recurrence = {
    freq: freq as Frequency,
    interval: read('INTERVAL', (v) => integer('INTERVAL', v, 1, 10_000)) ?? 1,
    count: read('COUNT', (v) => integer('COUNT', v, 1, 1_000_000)),
    untilDay: read('UNTIL', untilDay),
    byDay: read('BYDAY', (v) => list('BYDAY', v, weekdayRule)) ?? [],
    byMonthDay: read('BYMONTHDAY', (v) => list('BYMONTHDAY', v, monthDay)) ?? [],
    byMonth: read('BYMONTH', (v) => list('BYMONTH', v, (m) => integer('BYMONTH', m, 1, 12))) ?? [],
    weekStart: read('WKST', (v) => weekday('WKST', v)) ?? 1,
  };
  checkCombination(rule);
  return rule;
}
