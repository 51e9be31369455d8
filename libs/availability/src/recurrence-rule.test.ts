import { describe, expect, it } from 'vitest';
import { RecurrenceRuleError, parseRecurrence, withinUntil } from './recurrence-rule';

/**
 * The RRULE subset's validators, one named case per value rrule itself would silently misread
 * (see recurrence-rule.ts): each must be refused naming the part, and each value at the edge of
 * its range must still be accepted.
 */
describe('parseRecurrence refuses values outside the subset', () => {
  it.each([
    ['BYMONTH=13 (there are twelve months)', 'FREQ=YEARLY;BYMONTH=13', 'BYMONTH'],
    ['BYMONTH=0 (months count from 1)', 'FREQ=YEARLY;BYMONTH=0', 'BYMONTH'],
    ['BYMONTH lists a bad month after a good one', 'FREQ=YEARLY;BYMONTH=1,13', 'BYMONTH'],
    ['BYMONTH is empty', 'FREQ=YEARLY;BYMONTH=', 'BYMONTH'],
    ['BYMONTHDAY=0 (zero does not exist)', 'FREQ=MONTHLY;BYMONTHDAY=0', 'BYMONTHDAY'],
    ['BYMONTHDAY=32 (no month is that long)', 'FREQ=MONTHLY;BYMONTHDAY=32', 'BYMONTHDAY'],
    ['BYMONTHDAY=-32 (no month is that long from the end)', 'FREQ=MONTHLY;BYMONTHDAY=-32', 'BYMONTHDAY'],
    ['BYMONTHDAY is not a number', 'FREQ=MONTHLY;BYMONTHDAY=1ST', 'BYMONTHDAY'],
    ['COUNT=0 (a rule that selects nothing)', 'FREQ=DAILY;COUNT=0', 'COUNT'],
    ['COUNT is above a million', 'FREQ=DAILY;COUNT=1000001', 'COUNT'],
    ['WKST=XX (not a weekday)', 'FREQ=WEEKLY;WKST=XX', 'WKST'],
    ['INTERVAL=2X (trailing garbage)', 'FREQ=DAILY;INTERVAL=2X', 'INTERVAL'],
    ['INTERVAL=X2 (leading garbage)', 'FREQ=DAILY;INTERVAL=X2', 'INTERVAL'],
    ['INTERVAL=1.5 (not whole)', 'FREQ=DAILY;INTERVAL=1.5', 'INTERVAL'],
    ['INTERVAL is above 10000', 'FREQ=DAILY;INTERVAL=10001', 'INTERVAL'],
    ['an ordinal BYDAY under YEARLY without BYMONTH', 'FREQ=YEARLY;BYDAY=1MO', 'BYDAY'],
    ['an ordinal BYDAY under DAILY', 'FREQ=DAILY;BYDAY=-1FR', 'BYDAY'],
    ['an ordinal BYDAY after a plain one under WEEKLY', 'FREQ=WEEKLY;BYDAY=MO,2TU', 'BYDAY'],
    ['a BYDAY ordinal of 0', 'FREQ=MONTHLY;BYDAY=0MO', 'BYDAY'],
    ['a BYDAY ordinal of 6 (no month has six Mondays)', 'FREQ=MONTHLY;BYDAY=6MO', 'BYDAY'],
    ['a BYDAY ordinal of -6', 'FREQ=MONTHLY;BYDAY=-6MO', 'BYDAY'],
    ['a BYDAY entry with a three-digit ordinal', 'FREQ=MONTHLY;BYDAY=100MO', 'BYDAY'],
    ['a BYDAY entry with text before the weekday', 'FREQ=WEEKLY;BYDAY=XMO', 'BYDAY'],
    ['a BYDAY entry with text after the weekday', 'FREQ=WEEKLY;BYDAY=MOX', 'BYDAY'],
    ['BYDAY is empty', 'FREQ=WEEKLY;BYDAY=', 'BYDAY'],
    ['a bad BYDAY entry after an ordinal one', 'FREQ=MONTHLY;BYDAY=1MO,XX', 'BYDAY'],
    ['an ordinal BYDAY before a plain one under WEEKLY', 'FREQ=WEEKLY;BYDAY=2TU,MO', 'BYDAY'],
    ['FREQ is missing', 'INTERVAL=2', 'FREQ'],
    ['a part has no value', 'FREQ=DAILY;INTERVAL', 'INTERVAL'],
    ['a part has two values', 'FREQ=DAILY;INTERVAL=2=3', 'INTERVAL'],
    ['UNTIL is not YYYYMMDD', 'FREQ=DAILY;UNTIL=2026031', 'UNTIL'],
    ['UNTIL has trailing text', 'FREQ=DAILY;UNTIL=20260301X', 'UNTIL'],
    ['UNTIL has a time with a bad hour', 'FREQ=DAILY;UNTIL=20260301T240000', 'UNTIL'],
    ['UNTIL has a time with a bad minute', 'FREQ=DAILY;UNTIL=20260301T006000', 'UNTIL'],
    ['UNTIL has a time with a bad second', 'FREQ=DAILY;UNTIL=20260301T000060', 'UNTIL'],
    ['UNTIL is the 13th month', 'FREQ=DAILY;UNTIL=20261301', 'UNTIL'],
  ])('when %s, then the rule is refused naming the part', (_case, rule, part) => {
    expect(() => parseRecurrence(rule)).toThrow(RecurrenceRuleError);
    expect(() => parseRecurrence(rule)).toThrow(expect.objectContaining({ part }));
  });

  it.each([
    ['COUNT=0', 'FREQ=DAILY;COUNT=0', 'COUNT=0 is not an integer in 1..1000000'],
    ['BYMONTHDAY=0', 'FREQ=MONTHLY;BYMONTHDAY=0', 'BYMONTHDAY entry 0 is zero; counting starts at 1'],
    ['BYDAY=0MO', 'FREQ=MONTHLY;BYDAY=0MO', 'BYDAY entry 0MO is zero'],
    ['WKST=XX', 'FREQ=WEEKLY;WKST=XX', 'XX is not a weekday code'],
    ['BYMONTH=', 'FREQ=YEARLY;BYMONTH=', 'BYMONTH is empty'],
    ['an unsupported part', 'FREQ=DAILY;BYHOUR=9', 'BYHOUR is not supported'],
    ['a repeated part', 'FREQ=DAILY;COUNT=1;COUNT=2', 'COUNT appears twice'],
    ['a part without a value', 'FREQ=DAILY;COUNT', '"COUNT" is not KEY=VALUE'],
    [
      'a YEARLY ordinal without BYMONTH',
      'FREQ=YEARLY;BYDAY=1MO',
      'BYDAY ordinals are supported with MONTHLY',
    ],
    ['an unknown FREQ', 'FREQ=HOURLY', 'FREQ must be one of DAILY, WEEKLY, MONTHLY, YEARLY'],
  ])('when the rule has %s, then the message says what is wrong', (_case, rule, message) => {
    expect(() => parseRecurrence(rule)).toThrow(message);
  });
});

describe('parseRecurrence accepts the edges of each range', () => {
  it.each([
    ['BYMONTH=1 and BYMONTH=12', 'FREQ=YEARLY;BYMONTH=1,12'],
    ['BYMONTHDAY=31 and -31', 'FREQ=MONTHLY;BYMONTHDAY=31,-31'],
    ['BYMONTHDAY=1 and -1', 'FREQ=MONTHLY;BYMONTHDAY=1,-1'],
    ['a signed BYMONTHDAY', 'FREQ=MONTHLY;BYMONTHDAY=+15'],
    ['COUNT=1', 'FREQ=DAILY;COUNT=1'],
    ['COUNT=1000000', 'FREQ=DAILY;COUNT=1000000'],
    ['INTERVAL=1', 'FREQ=DAILY;INTERVAL=1'],
    ['INTERVAL=10000', 'FREQ=DAILY;INTERVAL=10000'],
    ['BYDAY ordinals 5 and -5', 'FREQ=MONTHLY;BYDAY=5MO,-5FR'],
    ['a signed BYDAY ordinal', 'FREQ=MONTHLY;BYDAY=+1MO'],
    ['an ordinal BYDAY under YEARLY with BYMONTH', 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'],
    ['WKST=SU', 'FREQ=WEEKLY;WKST=SU'],
    ['BYMONTHDAY under DAILY', 'FREQ=DAILY;BYMONTHDAY=1'],
    ['a trailing semicolon', 'FREQ=DAILY;'],
    ['UNTIL at the last second of a day', 'FREQ=DAILY;UNTIL=20261231T235959'],
    ['UNTIL on a leap day', 'FREQ=DAILY;UNTIL=20280229'],
  ])('when the rule has %s, then it is accepted', (_case, rule) => {
    expect(() => parseRecurrence(rule)).not.toThrow();
  });

  it('when a rule has COUNT, then the count is kept as a number', () => {
    expect(parseRecurrence('FREQ=DAILY;COUNT=7').count).toBe(7);
    expect(parseRecurrence('FREQ=DAILY').count).toBeUndefined();
  });

  it('when a rule is written in lower case with RRULE:, then its key is the upper-case rule without it', () => {
    expect(parseRecurrence(' rrule:freq=weekly;byday=mo;until=20260301 ').key).toBe(
      'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260301',
    );
  });

  it('when a rule is parsed twice, then the same checked rule is returned', () => {
    expect(parseRecurrence('FREQ=DAILY;INTERVAL=3')).toBe(parseRecurrence('FREQ=DAILY;INTERVAL=3'));
  });
});

describe('withinUntil', () => {
  const DAY = 86_400_000;
  const day = 20_000;
  const wall = day * DAY + 9 * 3_600_000;
  const instant = wall - 8 * 3_600_000;
  it.each([
    ['there is no UNTIL', undefined, true],
    ['UNTIL is the same date', { kind: 'date', day } as const, true],
    ['UNTIL is the day before', { kind: 'date', day: day - 1 } as const, false],
    ['UNTIL is exactly the local start (inclusive)', { kind: 'local', wall } as const, true],
    ['UNTIL is a millisecond before the local start', { kind: 'local', wall: wall - 1 } as const, false],
    ['UNTIL is exactly the UTC start (inclusive)', { kind: 'utc', instant } as const, true],
    ['UNTIL is a millisecond before the UTC start', { kind: 'utc', instant: instant - 1 } as const, false],
  ])('when %s, then the occurrence is within: %s', (_case, until, within) => {
    expect(withinUntil(until, day, wall, instant)).toBe(within);
  });
});
