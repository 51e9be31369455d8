import { freeIntervals } from './free-intervals';
import { localGridPoints } from './grid';
import { assertQuantity, assertSlotMs } from './guards';
import { mergeIntervals } from './intervals';
import type { Interval, SlotsInput } from './types';
import { minutesToMs } from './units';

/** A duration the policy allows: positive, within min/max, a whole number of slots. */
function isBookableDuration(
  durationMs: number,
  slotMs: number,
  minMinutes: number,
  maxMinutes: number,
): boolean {
  return (
    durationMs > 0 &&
    durationMs % slotMs === 0 &&
    durationMs >= minutesToMs(minMinutes) &&
    durationMs <= minutesToMs(maxMinutes)
  );
}

/**
 * Bookable slots `[start, start + duration)` whose START lies in `range` (the slot may run past
 * `range.end`). A start qualifies when it is on the local grid and the whole slot lies inside one
 * contiguous run of free pieces with at least `quantity` units each — so a slot never crosses a
 * closed gap, a blackout, the lead/horizon limits or a fully used stretch.
 */
export function slots(input: SlotsInput): Interval[] {
  const { spec, range, quantity, durationMinutes } = input;
  const slotMs = minutesToMs(spec.policy.slotMinutes);
  const durationMs = minutesToMs(durationMinutes);
  assertQuantity(quantity);
  assertSlotMs(slotMs);
  if (!isBookableDuration(durationMs, slotMs, spec.policy.minMinutes, spec.policy.maxMinutes)) return [];
  const runs = mergeIntervals(
    freeIntervals({ ...input, range: { start: range.start, end: range.end + durationMs } }),
  );
  return runs.flatMap((run) => {
    const from = Math.max(run.start, range.start);
    const to = Math.min(run.end - durationMs + 1, range.end);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: localGridPoints over an empty or reversed range returns no points anyway
    if (to <= from) return [];
    return localGridPoints(spec.timezone, from, to, slotMs).map((start) => ({
      start,
      end: start + durationMs,
    }));
  });
}
