import { IANAZone } from 'luxon';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './units';

/**
 * Time-zone arithmetic. UTC offsets come from luxon (which reads the runtime's ICU zone data through
 * `Intl`); the rest is what luxon does not offer.
 *
 * A "wall" value is a local wall-clock reading as floating milliseconds: the reading written as if
 * it were UTC (`Date.UTC(y, m - 1, d, h, min)`), so `Math.floor(wall / DAY_MS)` is its local date.
 * The one place where wall time becomes an instant is `wallToInstant`, and its rule covers both DST
 * edges: a wall time maps to the EARLIEST instant at which the local clock reads that time or later.
 * So a wall time inside a spring-forward gap maps to the first instant after the gap (Berlin 02:30
 * on the spring-forward day → 03:00 local = 01:00Z), and a repeated wall time during fall-back maps
 * to its first (earlier) occurrence. The mapping never runs backwards in time.
 *
 * luxon's own wall-time resolution (`DateTime.fromObject`) is not used for this: in a gap it moves
 * the time forward by the gap's length (02:30 → 03:30), and for a repeated time it picks the
 * occurrence whose offset matches the zone's offset *now*, so the answer would depend on the date
 * the process runs. Nor can luxon list a zone's transitions, which the slot grid needs.
 */

/** A stretch of time over which the zone's UTC offset is constant. */
export interface OffsetSegment {
  start: number;
  end: number;
  /** local wall − UTC, in ms */
  offset: number;
}

const zones = new Map<string, IANAZone>();

/** luxon's zone, checked first: `IANAZone.create` would also keep every unknown name it is given. */
function ianaZone(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    if (!IANAZone.isValidZone(name)) throw new RangeError(`unknown time zone ${name}`);
    zone = IANAZone.create(name);
    zones.set(name, zone);
  }
  return zone;
}

/** Throws a RangeError unless `zone` is an IANA zone the runtime knows. */
export function assertTimeZone(zone: string): void {
  ianaZone(zone);
}

/**
 * UTC offset of `zone` at `instant`, in ms (Berlin in summer → 7_200_000), from the cached summary
 * of its six-hour block (below): asking luxon costs an `Intl` formatting each time.
 */
export function offsetAt(zone: string, instant: number): number {
  const block = blockOf(zone, Math.floor(instant / BLOCK_MS));
  return block.change && instant >= block.change.at ? block.change.offset : block.offset;
}

/** UTC offset of `zone` at `instant`, in ms, as luxon answers it. */
function zoneOffsetAt(zone: string, instant: number): number {
  // luxon answers in (possibly fractional, for old local mean times) minutes.
  return Math.round(ianaZone(zone).offset(instant) * MINUTE_MS);
}

/** Local date (epoch day number) of a floating wall value. */
export function dayOfWall(wall: number): number {
  return Math.floor(wall / DAY_MS);
}

export function wallOf(zone: string, instant: number): number {
  return instant + offsetAt(zone, instant);
}

/**
 * Offsets are summarised per fixed six-hour block of UTC time: its offset at the start and the one
 * transition inside it, if any (found by bisection). Real zones never change offset twice within six
 * hours. Summaries are cached, so sweeping a calendar asks luxon a handful of times per block, not per
 * instant; the cache is bounded and simply restarts when full.
 */
const BLOCK_MS = 6 * HOUR_MS;
const MAX_CACHED_BLOCKS = 50_000;

interface Block {
  offset: number;
  change?: { at: number; offset: number };
}

const blocks = new Map<string, Block>();

/** First instant in (before, after] whose offset differs from the offset at `before`. */
function transitionBetween(zone: string, before: number, after: number): number {
  const initial = zoneOffsetAt(zone, before);
  let low = before;
  let high = after;
  while (high - low > 1) {
    const middle = low + Math.floor((high - low) / 2);
    if (zoneOffsetAt(zone, middle) === initial) low = middle;
    else high = middle;
  }
  return high;
}

function blockOf(zone: string, index: number): Block {
  const key = `${zone} ${index}`;
  const cached = blocks.get(key);
  if (cached) return cached;
  const start = index * BLOCK_MS;
  const offset = zoneOffsetAt(zone, start);
  const endOffset = zoneOffsetAt(zone, start + BLOCK_MS);
  const at = endOffset === offset ? Infinity : transitionBetween(zone, start, start + BLOCK_MS);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a change at or past the block end is also the next block's starting offset, and edges with an unchanged offset are skipped
  const block = at < start + BLOCK_MS ? { offset, change: { at, offset: endOffset } } : { offset };
  // Stryker disable next-line all: the cache bound only limits memory; a cleared cache recomputes the same offsets
  if (blocks.size >= MAX_CACHED_BLOCKS) blocks.clear();
  blocks.set(key, block);
  return block;
}

/** Constant-offset segments covering `[from, to)`, in order. */
export function offsetSegments(zone: string, from: number, to: number): OffsetSegment[] {
  if (to <= from) return [];
  const segments: OffsetSegment[] = [];
  const first = blockOf(zone, Math.floor(from / BLOCK_MS));
  let start = from;
  let offset = first.change && first.change.at <= from ? first.change.offset : first.offset;
  // Stryker disable next-line EqualityOperator: a block starting exactly at to only has edges at or after to, which are skipped
  for (let index = Math.floor(from / BLOCK_MS); index * BLOCK_MS < to; index++) {
    const block = blockOf(zone, index);
    // A transition exactly on a block boundary shows up only as the next block's starting offset.
    const edges = [{ at: index * BLOCK_MS, offset: block.offset }, ...(block.change ? [block.change] : [])];
    for (const edge of edges) {
      if (edge.at <= from || edge.at >= to || edge.offset === offset) continue;
      segments.push({ start, end: edge.at, offset });
      start = edge.at;
      offset = edge.offset;
    }
  }
  segments.push({ start, end: to, offset });
  return segments;
}

/**
 * Offsets span UTC−12 … UTC+14, so the instant for a wall reading (or the end of the gap it falls
 * in) lies within this distance of the reading itself.
 */
const SEARCH_MS = 15 * HOUR_MS;

/** The earliest instant at which the local clock in `zone` reads `wall` or later (see module doc). */
export function wallToInstant(zone: string, wall: number): number {
  for (const segment of offsetSegments(zone, wall - SEARCH_MS, wall + SEARCH_MS)) {
    const candidate = Math.max(segment.start, wall - segment.offset);
    if (candidate < segment.end) return candidate;
  }
  // Stryker disable next-line all: unreachable: offsets lie within ±15 h, so the search window always holds the answer
  throw new RangeError(`no instant in ${zone} reads ${new Date(wall).toISOString()} local`);
}
