import { bookableTime, bookingWindow } from './bookable-time';
import { assertQuantity } from './guards';
import { usageSteps } from './occupancy';
import type { AvailabilityInput, FreePiece } from './types';
import { minutesToMs } from './units';

/**
 * Maximal pieces of bookable time (open, not blacked out, within lead and horizon) where at least
 * `quantity` units are free. `available` is constant over each piece — the exact number of free
 * units there — and two touching pieces are fused only when that number is equal.
 */
export function freeIntervals({
  spec,
  blackouts,
  occupancy,
  range,
  quantity,
  now,
  window = bookingWindow(spec, now),
}: AvailabilityInput): FreePiece[] {
  assertQuantity(quantity);
  const bufferMs = minutesToMs(spec.policy.bufferMinutes);
  const pieces: FreePiece[] = [];
  for (const interval of bookableTime(spec, blackouts, range, window)) {
    for (const step of usageSteps(occupancy, interval, bufferMs)) {
      const available = spec.capacity - step.used;
      if (available < quantity) continue;
      // Stryker disable next-line UnaryOperator: pieces never touch (usage steps are merged, bookable pieces are apart), so no piece is ever extended
      const last = pieces.at(-1);
      // Stryker disable next-line ConditionalExpression: pieces never touch (usage steps are merged, bookable pieces are apart), so no piece is ever extended
      if (last && last.end === step.start && last.available === available) last.end = step.end;
      else pieces.push({ start: step.start, end: step.end, available });
    }
  }
  return pieces;
}
