const DAY_MS = 86_400_000;
const MAX_DAYS_HELD = 4096;
const dayPrefixes = new Map<number, string>();
const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * `new Date(ms).toISOString()`, about four times faster for whole seconds (slot and interval edges:
 * an availability answer over 90 days formats some 15,000 of them): the `YYYY-MM-DDT` of each day
 * is formatted once and kept, the time of day is assembled from numbers.
 */
export function isoInstant(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const rest = ms - day * DAY_MS;
  if (rest % 1000 !== 0) return new Date(ms).toISOString();
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    if (dayPrefixes.size >= MAX_DAYS_HELD) dayPrefixes.clear();
    prefix = new Date(day * DAY_MS).toISOString().slice(0, -13);
    dayPrefixes.set(day, prefix);
  }
  const seconds = rest / 1000;
  return `${prefix}${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}.000Z`;
}
