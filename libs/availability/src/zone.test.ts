import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { offsetAt, offsetSegments, wallOf, wallToInstant } from './zone';

const HOUR = 3_600_000;
const wall = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

describe('zone', () => {
  it('when asked for the offset, then it follows the zone rules of that instant', () => {
    expect(offsetAt('Asia/Shanghai', Date.UTC(2026, 6, 1))).toBe(8 * HOUR);
    expect(offsetAt('Europe/Berlin', Date.UTC(2026, 0, 1))).toBe(HOUR);
    expect(offsetAt('Europe/Berlin', Date.UTC(2026, 6, 1))).toBe(2 * HOUR);
    expect(offsetAt('Australia/Lord_Howe', Date.UTC(2026, 6, 1))).toBe(10.5 * HOUR);
  });

  it("when the offset is read from the cached six-hour blocks, then it is luxon's at every instant, across transitions too", () => {
    const zones = [
      'Europe/Berlin',
      'Australia/Lord_Howe',
      'America/St_Johns',
      'Asia/Shanghai',
      'Africa/Casablanca',
    ];
    const luxon = (zone: string, at: number) => Math.round(IANAZone.create(zone).offset(at) * 60_000);
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2060, 0, 1) }),
        (zone, at) => {
          expect(offsetAt(zone, at)).toBe(luxon(zone, at));
        },
      ),
      { numRuns: 2000 },
    );
    // Either side of Berlin's spring-forward instant (01:00Z on 29 March 2026), to the millisecond.
    const edge = Date.UTC(2026, 2, 29, 1);
    expect([offsetAt('Europe/Berlin', edge - 1), offsetAt('Europe/Berlin', edge)]).toEqual([HOUR, 2 * HOUR]);
  });

  it('when a wall time exists once, then it maps to that instant and back', () => {
    const instant = wallToInstant('Europe/Berlin', wall(2026, 3, 29, 9, 15));
    expect(instant).toBe(Date.UTC(2026, 2, 29, 7, 15));
    expect(wallOf('Europe/Berlin', instant)).toBe(wall(2026, 3, 29, 9, 15));
  });

  it('when a wall time falls in the spring-forward gap, then it maps to the first instant after the gap', () => {
    expect(wallToInstant('Europe/Berlin', wall(2026, 3, 29, 2, 30))).toBe(Date.UTC(2026, 2, 29, 1));
    expect(wallToInstant('America/New_York', wall(2026, 3, 8, 2, 0))).toBe(Date.UTC(2026, 2, 8, 7));
  });

  it('when a wall time repeats at fall-back, then it maps to its earlier occurrence', () => {
    expect(wallToInstant('Europe/Berlin', wall(2026, 10, 25, 2, 30))).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(wallToInstant('Australia/Lord_Howe', wall(2026, 4, 5, 1, 45))).toBe(Date.UTC(2026, 3, 4, 14, 45));
  });

  it('when a range spans a transition, then the segments split exactly at it', () => {
    const segments = offsetSegments('Europe/Berlin', Date.UTC(2026, 2, 28), Date.UTC(2026, 2, 30));
    expect(segments).toEqual([
      { start: Date.UTC(2026, 2, 28), end: Date.UTC(2026, 2, 29, 1), offset: HOUR },
      { start: Date.UTC(2026, 2, 29, 1), end: Date.UTC(2026, 2, 30), offset: 2 * HOUR },
    ]);
  });

  it('when a transition falls exactly on a cached six-hour block boundary, then it is still found', () => {
    const newYorkFallBack = Date.UTC(2026, 10, 1, 6);
    expect(offsetSegments('America/New_York', newYorkFallBack - HOUR, newYorkFallBack + HOUR)).toEqual([
      { start: newYorkFallBack - HOUR, end: newYorkFallBack, offset: -4 * HOUR },
      { start: newYorkFallBack, end: newYorkFallBack + HOUR, offset: -5 * HOUR },
    ]);
    expect(wallToInstant('America/New_York', wall(2026, 11, 1, 9))).toBe(Date.UTC(2026, 10, 1, 14));
  });

  it('when the zone is unknown, then it throws a RangeError', () => {
    expect(() => offsetAt('Mars/Olympus_Mons', 0)).toThrow(RangeError);
  });
});
