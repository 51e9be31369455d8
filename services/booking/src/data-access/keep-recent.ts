/**
 * Puts `value` under `key` as the most recent entry of `map` (whose order is the order entries were
 * kept in), then drops from the oldest end every entry that is `stale`, and any beyond `max`, telling
 * `dropped` of each.
 */
export function keepRecent<K, V>(
  map: Map<K, V>,
  key: K,
  value: V,
  limits: { max: number; stale: (entry: V) => boolean; dropped?: (entry: V) => void },
): void {
  map.delete(key);
  map.set(key, value);
  for (const [oldest, entry] of map) {
    if (!limits.stale(entry) && map.size <= limits.max) break;
    map.delete(oldest);
    limits.dropped?.(entry);
  }
}
