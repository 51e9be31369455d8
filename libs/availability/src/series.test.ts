import { describe, expect, it } from 'vitest';
import { SeriesRuleError, expandSeries } from './series';
import { shanghai } from './test-fixtures';
import type { SeriesInput } from './types';

const base: SeriesInput = {
  start: shanghai(3, 2, 9),
  end: shanghai(3, 2, 10, 30),
  rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4',
  timezone: 'Asia/Shanghai',
  maxOccurrences: 10,
};
const starts = (input: Partial<SeriesInput>) =>
  expandSeries({ ...base, ...input }).occurrences.map((o) => o.start);

describe('expandSeries', () => {
  it('when a weekly rule has COUNT, then the first occurrence counts and the rest repeat its local time', () => {
    expect(expandSeries(base).occurrences).toEqual(
      [2, 4, 9, 11].map((day) => ({ start: shanghai(3, day, 9), end: shanghai(3, day, 10, 30) })),
    );
  });

  it('when the first occurrence is not on a rule date, then it is still the first and counts (RFC 5545)', () => {
    expect(
      starts({ start: shanghai(3, 3, 9), end: shanghai(3, 3, 10), rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3' }),
    ).toEqual([shanghai(3, 3, 9), shanghai(3, 9, 9), shanghai(3, 16, 9)]);
  });

  it('when the rule has UNTIL as a date, then occurrences run through that local date', () => {
    expect(starts({ rrule: 'FREQ=DAILY;UNTIL=20260304' })).toEqual([
      shanghai(3, 2, 9),
      shanghai(3, 3, 9),
      shanghai(3, 4, 9),
    ]);
  });

  it('when UNTIL is a UTC instant, then an occurrence starting exactly then is included', () => {
    expect(starts({ rrule: 'FREQ=DAILY;UNTIL=20260303T010000Z' })).toEqual([
      shanghai(3, 2, 9),
      shanghai(3, 3, 9),
    ]);
  });

  it('when a Berlin series crosses spring-forward, then 09:00 stays 09:00 local', () => {
    const start = Date.UTC(2026, 2, 23, 8);
    const { occurrences } = expandSeries({
      ...base,
      start,
      end: start + 3_600_000,
      rrule: 'FREQ=WEEKLY;COUNT=2',
      timezone: 'Europe/Berlin',
    });
    expect(occurrences[1]).toEqual({ start: Date.UTC(2026, 2, 30, 7), end: Date.UTC(2026, 2, 30, 8) });
  });

  it('when a nightly series spans the fall-back hour, then the local end is kept and it lasts an hour longer', () => {
    const start = Date.UTC(2026, 9, 23, 23); // 01:00 CEST on Saturday 24 October
    const { occurrences } = expandSeries({
      ...base,
      start,
      end: start + 2 * 3_600_000, // until 03:00 local
      rrule: 'FREQ=DAILY;COUNT=2',
      timezone: 'Europe/Berlin',
    });
    expect(occurrences[1]).toEqual({ start: Date.UTC(2026, 9, 24, 23), end: Date.UTC(2026, 9, 25, 2) });
  });

  it.each([
    [{ rrule: 'FREQ=WEEKLY;BYDAY=MO' }, 'rrule', /COUNT or UNTIL/],
    [{ rrule: 'FREQ=SOMETIMES;COUNT=2' }, 'rrule', /FREQ/],
    [{ rrule: 'FREQ=DAILY;COUNT=11' }, 'rrule', /more than 10/],
    [{ rrule: 'FREQ=DAILY;UNTIL=20300101' }, 'rrule', /more than 10/],
    [{ end: base.start }, 'end', /after start/],
    [{ timezone: 'Nowhere/Special' }, 'timezone', /time zone/],
    [{ maxOccurrences: 0 }, 'maxOccurrences', /maxOccurrences/],
  ] as const)('when the input is %o, then a SeriesRuleError names %s', (override, field, message) => {
    const run = () => expandSeries({ ...base, ...override });
    expect(run).toThrow(SeriesRuleError);
    expect(run).toThrow(expect.objectContaining({ field, message: expect.stringMatching(message) }));
  });
});
