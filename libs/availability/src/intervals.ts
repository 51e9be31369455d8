import type { Interval } from './types';

/** Interval-set algebra on half-open intervals. Results are sorted, disjoint and never empty pieces. */

export function isEmpty({ start, end }: Interval): boolean {
  return end <= start;
}

/** Whether two intervals share an instant; an empty interval overlaps nothing. */
export function overlaps(a: Interval, b: Interval): boolean {
  return !isEmpty(a) && !isEmpty(b) && a.start < b.end && b.start < a.end;
}

/** Sorts and fuses intervals that overlap or touch (`[1,2)` and `[2,3)` become `[1,3)`). */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => !isEmpty(i)).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const { start, end } of sorted) {
    const last = merged.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/** Each interval cut down to `bounds`, empty leftovers dropped. */
export function clipIntervals(intervals: readonly Interval[], bounds: Interval): Interval[] {
  return intervals
    .map((i) => ({ start: Math.max(i.start, bounds.start), end: Math.min(i.end, bounds.end) }))
    .filter((i) => !isEmpty(i));
}

/** `from` minus every interval of `remove`. */
export function subtractIntervals(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const cuts = mergeIntervals(remove);
  const result: Interval[] = [];
  for (const piece of mergeIntervals(from)) {
    let cursor = piece.start;
    for (const cut of cuts) {
      // Stryker disable next-line EqualityOperator: a cut ending at the cursor or starting at the piece end adds no piece either way
      if (cut.end <= cursor || cut.start >= piece.end) continue;
      if (cut.start > cursor) result.push({ start: cursor, end: cut.start });
      cursor = Math.max(cursor, cut.end);
    }
    if (cursor < piece.end) result.push({ start: cursor, end: piece.end });
  }
  return result;
}

/** Whether `inner` lies entirely inside the union of `set`. */
export function isCovered(inner: Interval, set: readonly Interval[]): boolean {
  if (isEmpty(inner)) return true;
  return mergeIntervals(set).some((piece) => piece.start <= inner.start && inner.end <= piece.end);
}
