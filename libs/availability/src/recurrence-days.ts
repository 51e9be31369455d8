import type { Options } from 'rrule';
import type { Recurrence } from './recurrence-rule';
import { RRule } from './rrule-options';
import { DAY_MS } from './units';

/**
 * The local dates a recurrence selects, expanded by rrule in "floating" time: local date D is the
 * Date at D 00:00 UTC (epoch day number D), so rrule walks calendar dates and never sees a time
 * zone. Time of day and zone are the caller's business, which is what keeps wall-clock times stable
 * across DST. The anchor (DTSTART) is a local date too.
 *
 * rrule always walks from DTSTART, so opening hours anchored in 2000 would replay decades per query.
 * Dates are therefore computed and cached in chunks of CHUNK_DAYS per rule and anchor, and each
 * chunk is walked from a phase-equivalent anchor just before it (`nearAnchor`), so a chunk costs the
 * same in 2026 as in 2200; the cache is bounded and simply restarts when full. A rule that never
 * matches costs one walk to the year 9999 (where rrule gives up) and is then known to be over.
 */
const CHUNK_DAYS = 366;
const MAX_CACHED_CHUNKS = 10_000;
const chunks = new Map<string, number[]>();
/** Rules (with their anchor) known to select nothing after this date. */
const lastDays = new Map<string, number>();

function chunk(rule: Recurrence, anchor: number, index: number): number[] {
  const ruleKey = `${rule.key} @${anchor}`;
  const key = `${ruleKey} #${index}`;
  const cached = chunks.get(key);
  if (cached) return cached;
  // Stryker disable next-line all: the cache bound only limits memory; a cleared cache recomputes the same dates
  if (chunks.size >= MAX_CACHED_CHUNKS) {
    chunks.clear();
    lastDays.clear();
  }
  const first = index * CHUNK_DAYS;
  const last = first + CHUNK_DAYS - 1;
  // Stryker disable next-line ArrayDeclaration: callers keep only numeric days >= from, so a stray non-number entry never reaches them
  const days: number[] = [];
  // Stryker disable next-line BooleanLiteral: only decides whether the rule is remembered as over; a rule not remembered is walked again with the same dates
  let more = false;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: lastDays only skips walks known to find nothing; walking anyway finds the same (no) dates
  if (rule.options && (lastDays.get(ruleKey) ?? Infinity) >= first) {
    const dtstart = new Date(nearAnchor(rule.options, anchor, first) * DAY_MS);
    new RRule({ ...rule.options, dtstart }).all((date) => {
      const day = Math.floor(date.getTime() / DAY_MS);
      more = day > last;
      if (day >= first && !more) days.push(day);
      return !more;
    });
  }
  if (!more) lastDays.set(ruleKey, last);
  chunks.set(key, days);
  return days;
}

const DAILY = 3;
const WEEKLY = 2;
const MONTHLY = 1;
const YEARLY = 0;

/**
 * The latest anchor on or before local date `before` that selects exactly the same dates from there
 * on as `anchor` does: `anchor` moved by a whole number of the rule's periods (INTERVAL × its
 * frequency), which keeps the INTERVAL phase, the default weekday and the default day of the month
 * or year. Rules counted from their anchor (COUNT) stay where they are, and so do month days past
 * the 28th (moving them could overflow a shorter month).
 */
export function nearAnchor(options: Partial<Options>, anchor: number, before: number): number {
  // Stryker disable next-line EqualityOperator: at before == anchor, moving the anchor by zero periods returns the anchor too
  if (options.count || before <= anchor) return anchor;
  const interval = options.interval ?? 1;
  const freq = options.freq;
  if (freq === DAILY || freq === WEEKLY) {
    const step = interval * (freq === WEEKLY ? 7 : 1);
    return anchor + Math.floor((before - anchor) / step) * step;
  }
  const from = new Date(anchor * DAY_MS);
  if ((freq !== MONTHLY && freq !== YEARLY) || from.getUTCDate() > 28) return anchor;
  const to = new Date(before * DAY_MS);
  const stepMonths = interval * (freq === YEARLY ? 12 : 1);
  // Stryker disable next-line ArithmeticOperator: an overshooting month count is corrected by the loop below; only the speed differs
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  const moved = (k: number) =>
    Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + k * stepMonths, from.getUTCDate()) / DAY_MS;
  // Stryker disable next-line ArithmeticOperator: an overshooting period count is corrected by the loop below; only the speed differs
  let k = Math.floor(months / stepMonths);
  while (k > 0 && moved(k) > before) k--;
  return moved(k);
}

/**
 * Dates `rule` anchored at local date `anchor` selects, ascending, from local date `from` on, as
 * long as the caller keeps asking (a rule without COUNT or UNTIL goes on to the year 9999).
 */
export function* recurrenceDays(rule: Recurrence, anchor: number, from = anchor): Generator<number> {
  const ruleKey = `${rule.key} @${anchor}`;
  for (let index = Math.floor(from / CHUNK_DAYS); ; index++) {
    // Stryker disable next-line EqualityOperator: lastDays holds a chunk's last day, never a chunk's first, so < and <= agree
    if ((lastDays.get(ruleKey) ?? Infinity) < index * CHUNK_DAYS) return;
    for (const day of chunk(rule, anchor, index)) if (day >= from) yield day;
  }
}

/** Dates in `[from, to]` (local dates, inclusive) that `rule` anchored at local date `anchor` selects. */
export function daysBetween(rule: Recurrence, anchor: number, from: number, to: number): number[] {
  const days: number[] = [];
  for (let index = Math.floor(from / CHUNK_DAYS); index * CHUNK_DAYS <= to; index++) {
    for (const day of chunk(rule, anchor, index)) if (day >= from && day <= to) days.push(day);
  }
  return days;
}
