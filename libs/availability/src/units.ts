/** Integer millisecond units; all arithmetic in the engine stays in whole milliseconds. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Remainder that is never negative, so instants before 1970 land on the same grid as later ones. */
export function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

export function minutesToMs(minutes: number): number {
  return Math.round(minutes * MINUTE_MS);
}
