import { bookingWindow } from './bookable-time';
import { isOnLocalGrid } from './grid';
import { assertQuantity, assertSlotMs } from './guards';
import { isCovered, overlaps } from './intervals';
import { peakConcurrency } from './occupancy';
import { openingWindows } from './opening-windows';
import type { BookingCheck, CheckBookingInput, Violation } from './types';
import { minutesToMs } from './units';

/**
 * Re-validates one request with the same definitions `slots` uses, listing every broken rule at
 * once. Invariant (property-tested): no violations and no conflict ⇔ `request.start` is among
 * `slots` for the request's duration and quantity over any range containing `request.start`.
 */
export function checkBooking({ spec, blackouts, occupancy, request, now }: CheckBookingInput): BookingCheck {
  assertQuantity(request.quantity);
  const { policy, timezone, capacity } = spec;
  const slotMs = minutesToMs(policy.slotMinutes);
  assertSlotMs(slotMs);
  const durationMs = request.end - request.start;
  const window = bookingWindow(spec, now);
  // Cheap rules first: a request longer than the policy allows is refused as too_long without
  // walking its opening windows, so a span of centuries costs no more than a short one.
  const tooLong = durationMs > minutesToMs(policy.maxMinutes);
  const rules: [Violation, boolean][] = [
    ['in_past', request.start < now],
    ['lead_time', request.start >= now && request.start < window.start],
    ['horizon', request.end > window.end],
    ['too_short', durationMs <= 0 || durationMs < minutesToMs(policy.minMinutes)],
    ['too_long', tooLong],
    ['misaligned', !isOnLocalGrid(timezone, request.start, slotMs) || durationMs % slotMs !== 0],
    ['outside_opening_hours', !tooLong && !isCovered(request, openingWindows(spec, request))],
    ['blackout', blackouts.some((blackout) => overlaps(blackout, request))],
    ['over_capacity', request.quantity > capacity],
  ];
  // Units taken by others, with the request's own need capped at capacity: a request that is too
  // big on its own is `over_capacity`, and a conflict only when someone else holds units too.
  const held = peakConcurrency(occupancy, request, minutesToMs(policy.bufferMinutes));
  return {
    violations: rules.filter(([, broken]) => broken).map(([violation]) => violation),
    // Stryker disable next-line ConditionalExpression,EqualityOperator: held + min(quantity, capacity) > capacity already implies held > 0; the guard states the intent
    conflict: held > 0 && held + Math.min(request.quantity, capacity) > capacity,
  };
}
