import { DAY_MS, mod } from './units';
import { offsetSegments, wallOf } from './zone';

/**
 * The slot grid lives in the resource's local wall-clock time: an instant is on the grid when its
 * local time of day is a whole number of slots after local midnight. On DST days the grid keeps
 * following the wall clock — grid times inside a spring-forward gap do not exist, and grid times in
 * the repeated fall-back hour exist twice (both instants are on the grid).
 */

function isGridWall(wall: number, slotMs: number): boolean {
  return mod(mod(wall, DAY_MS), slotMs) === 0;
}

/** First grid wall time at or after `wall`; the grid restarts at every local midnight. */
function nextGridWall(wall: number, slotMs: number): number {
  const midnight = wall - mod(wall, DAY_MS);
  const next = midnight + Math.ceil((wall - midnight) / slotMs) * slotMs;
  // Stryker disable next-line EqualityOperator: at next - midnight == DAY_MS both branches give the same instant
  return next - midnight < DAY_MS ? next : midnight + DAY_MS;
}

export function isOnLocalGrid(zone: string, instant: number, slotMs: number): boolean {
  return isGridWall(wallOf(zone, instant), slotMs);
}

/** Every on-grid instant in `[from, to)`, ascending. */
export function localGridPoints(zone: string, from: number, to: number, slotMs: number): number[] {
  const points: number[] = [];
  for (const { start, end, offset } of offsetSegments(zone, from, to)) {
    for (
      let wall = nextGridWall(start + offset, slotMs);
      wall - offset < end;
      wall = nextGridWall(wall + 1, slotMs)
    ) {
      points.push(wall - offset);
    }
  }
  return points;
}
