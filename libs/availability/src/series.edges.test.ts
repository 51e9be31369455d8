import { describe, expect, it } from 'vitest';
import { SeriesRuleError, expandSeries } from './series';
import { shanghai } from './test-fixtures';
import type { SeriesInput } from './types';

const HOUR = 3_600_000;
const base: SeriesInput = {
  start: shanghai(3, 2, 9),
  end: shanghai(3, 2, 10),
  rrule: 'FREQ=DAILY;COUNT=3',
  timezone: 'Asia/Shanghai',
  maxOccurrences: 10,
};
const starts = (input: Partial<SeriesInput>) =>
  expandSeries({ ...base, ...input }).occurrences.map((o) => o.start);

describe('expandSeries at its edges', () => {
  it.each([
    ['UNTIL is exactly the local start of an occurrence (inclusive)', 'FREQ=DAILY;UNTIL=20260303T090000', 2],
    ['UNTIL is a second before the local start of an occurrence', 'FREQ=DAILY;UNTIL=20260303T085959', 1],
    ['UNTIL is a second before a UTC start', 'FREQ=DAILY;UNTIL=20260303T005959Z', 1],
    ['UNTIL is the date of the first occurrence', 'FREQ=DAILY;UNTIL=20260302', 1],
    ['COUNT=1', 'FREQ=DAILY;COUNT=1', 1],
    ['COUNT=2', 'FREQ=DAILY;COUNT=2', 2],
  ])('when %s, then the series has %i occurrence(s)', (_case, rrule, length) => {
    expect(starts({ rrule })).toHaveLength(length);
  });

  it('when an occurrence vanishes in a spring-forward gap, then it is omitted but still counts towards COUNT', () => {
    // Berlin 02:15–02:45 local: on 29 March 2026 both ends fall in the gap (02:00–03:00).
    const start = Date.UTC(2026, 2, 28, 1, 15); // 02:15 CET
    const { occurrences } = expandSeries({
      ...base,
      start,
      end: start + 30 * 60_000,
      rrule: 'FREQ=DAILY;COUNT=3',
      timezone: 'Europe/Berlin',
    });
    expect(occurrences).toEqual([
      { start, end: start + 30 * 60_000 },
      { start: Date.UTC(2026, 2, 30, 0, 15), end: Date.UTC(2026, 2, 30, 0, 45) }, // 02:15 CEST
    ]);
  });

  it('when an occurrence only starts in the gap, then it starts at the first instant after it', () => {
    const start = Date.UTC(2026, 2, 28, 1, 30); // 02:30 CET, until 03:30 CET
    const { occurrences } = expandSeries({
      ...base,
      start,
      end: start + HOUR,
      rrule: 'FREQ=DAILY;COUNT=2',
      timezone: 'Europe/Berlin',
    });
    expect(occurrences[1]).toEqual({ start: Date.UTC(2026, 2, 29, 1), end: Date.UTC(2026, 2, 29, 1, 30) });
  });

  it('when maxOccurrences is 1 and the rule yields one occurrence, then the series is accepted', () => {
    expect(starts({ rrule: 'FREQ=DAILY;COUNT=1', maxOccurrences: 1 })).toEqual([base.start]);
  });

  it('when the rule yields exactly maxOccurrences, then the series is accepted', () => {
    expect(starts({ rrule: 'FREQ=DAILY;COUNT=3', maxOccurrences: 3 })).toHaveLength(3);
  });

  it('when the rule yields one more than maxOccurrences, then it is refused naming the limit', () => {
    expect(() => starts({ rrule: 'FREQ=DAILY;COUNT=3', maxOccurrences: 2 })).toThrow(
      expect.objectContaining({ field: 'rrule', message: 'the rule yields more than 2 occurrences' }),
    );
  });

  it.each([
    ['end before start', { end: base.start - HOUR }, 'end'],
    ['a fractional maxOccurrences', { maxOccurrences: 1.5 }, 'maxOccurrences'],
    ['a negative maxOccurrences', { maxOccurrences: -1 }, 'maxOccurrences'],
    ['a rule outside the subset', { rrule: 'FREQ=DAILY;COUNT=0' }, 'rrule'],
  ])('when the input has %s, then a SeriesRuleError names the field', (_case, override, field) => {
    expect(() => expandSeries({ ...base, ...override })).toThrow(SeriesRuleError);
    expect(() => expandSeries({ ...base, ...override })).toThrow(expect.objectContaining({ field }));
  });

  it('when the series has neither COUNT nor UNTIL, then the message says it needs one', () => {
    expect(() => expandSeries({ ...base, rrule: 'FREQ=DAILY' })).toThrow(
      'a booking series needs COUNT or UNTIL',
    );
  });
});
