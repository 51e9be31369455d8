import { describe, expect, it } from 'vitest';
import { clipIntervals, isCovered, mergeIntervals, overlaps, subtractIntervals } from './intervals';

const i = (start: number, end: number) => ({ start, end });

describe('interval sets', () => {
  it('when intervals overlap or touch, then merging fuses them and drops empty ones', () => {
    expect(mergeIntervals([i(5, 7), i(1, 2), i(2, 3), i(6, 9), i(4, 4)])).toEqual([i(1, 3), i(5, 9)]);
  });

  it('when intervals only touch, then they do not overlap (half-open)', () => {
    expect(overlaps(i(1, 2), i(2, 3))).toBe(false);
    expect(overlaps(i(1, 3), i(2, 2))).toBe(false);
    expect(overlaps(i(1, 3), i(2, 4))).toBe(true);
  });

  it('when cuts are removed, then only the uncovered parts remain', () => {
    expect(subtractIntervals([i(0, 10), i(20, 30)], [i(2, 4), i(8, 22), i(25, 26)])).toEqual([
      i(0, 2),
      i(4, 8),
      i(22, 25),
      i(26, 30),
    ]);
  });

  it('when clipping, then pieces outside the bounds vanish', () => {
    expect(clipIntervals([i(0, 5), i(8, 12), i(20, 30)], i(3, 10))).toEqual([i(3, 5), i(8, 10)]);
  });

  it('when an interval spans two touching pieces, then it is covered; across a hole it is not', () => {
    expect(isCovered(i(2, 6), [i(0, 4), i(4, 8)])).toBe(true);
    expect(isCovered(i(2, 6), [i(0, 4), i(5, 8)])).toBe(false);
  });
});
