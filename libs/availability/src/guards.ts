/**
 * Caller bugs, not booking-policy outcomes: input validation happens at the API edge, so these throw
 * instead of quietly matching everything or nothing.
 */

export function assertQuantity(quantity: number): void {
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    throw new RangeError(`quantity must be a whole number of units >= 1, got ${quantity}`);
  }
}

export function assertSlotMs(slotMs: number): void {
  if (!Number.isSafeInteger(slotMs) || slotMs <= 0) {
    throw new RangeError(`slotMinutes must be a positive duration, got ${slotMs} ms`);
  }
}
