import { isEmpty } from './intervals';
import type { Demand, Interval, Occupancy } from './types';

/**
 * Sweep line over existing bookings. A booking [bs, be) blocks its units over the widened interval
 * [bs − buffer, be + buffer), so a candidate conflicts with it exactly when the two overlap after
 * widening — the buffer is applied once, on the stored booking's side. Empty bookings and bookings
 * of zero units hold nothing (they are not widened into existence).
 */

/** A stretch of `interval` over which exactly `used` units are held. */
export interface UsageStep extends Interval {
  used: number;
}

interface Edge {
  at: number;
  delta: number;
}

function edgesWithin(occupancy: readonly Occupancy[], interval: Interval, bufferMs: number): Edge[] {
  const edges: Edge[] = [];
  for (const booking of occupancy) {
    // Stryker disable next-line EqualityOperator: a booking of zero units adds edges of zero, which change no step
    if (isEmpty(booking) || booking.quantity <= 0) continue;
    const start = Math.max(booking.start - bufferMs, interval.start);
    const end = Math.min(booking.end + bufferMs, interval.end);
    // Stryker disable next-line EqualityOperator: an edge pair at one instant cancels out before any step is closed
    if (start >= end) continue;
    edges.push({ at: start, delta: booking.quantity }, { at: end, delta: -booking.quantity });
  }
  return edges.sort((a, b) => a.at - b.at);
}

/**
 * Units held at every instant of `interval`, as consecutive steps covering it; steps with equal
 * usage are fused so each step is maximal.
 */
export function usageSteps(
  occupancy: readonly Occupancy[],
  interval: Interval,
  bufferMs: number,
): UsageStep[] {
  // Stryker disable next-line ConditionalExpression: for an empty interval close() adds no step anyway
  if (isEmpty(interval)) return [];
  const steps: UsageStep[] = [];
  let used = 0;
  let cursor = interval.start;
  const close = (end: number) => {
    if (end <= cursor) return;
    const last = steps.at(-1);
    if (last && last.used === used) last.end = end;
    else steps.push({ start: cursor, end, used });
    cursor = end;
  };
  // All edges at one instant are applied together, so a booking ending exactly where another
  // starts never counts both (half-open intervals).
  for (const edge of edgesWithin(occupancy, interval, bufferMs)) {
    close(edge.at);
    used += edge.delta;
  }
  close(interval.end);
  return steps;
}

/** Most units held at any single instant of `interval` (0 for an empty interval). */
export function peakConcurrency(
  occupancy: readonly Occupancy[],
  interval: Interval,
  bufferMs: number,
): number {
  return usageSteps(occupancy, interval, bufferMs).reduce((peak, step) => Math.max(peak, step.used), 0);
}

/** Whether `candidate.quantity` more units fit at every instant of the candidate. */
export function fitsCapacity(
  occupancy: readonly Occupancy[],
  candidate: Demand,
  capacity: number,
  bufferMs: number,
): boolean {
  return peakConcurrency(occupancy, candidate, bufferMs) + candidate.quantity <= capacity;
}
