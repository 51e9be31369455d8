import type { StoredBooking } from './calendar-documents';

/**
 * How a calendar is stored in bounded documents (see CalendarRepository): the head holds what
 * changed recently, week documents what a fold moved out of it. These are the pure rules of that
 * layout; the repository does the reads and writes.
 */

/**
 * A booking in the head, with the other weeks than its start's that may hold an older copy of it: a
 * reschedule moved it, and a fold running meanwhile may have written the state it moved from.
 */
export type HeadBooking = StoredBooking & { movedFrom?: number[] };

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-01 was a Thursday: weeks start on Monday, 00:00 UTC. */
const MONDAY_OFFSET_MS = 3 * DAY_MS;

/** The week a booking is stored in once folded: the week of its start (weeks since 1970, UTC Mondays). */
export function weekOf(start: Date | number): number {
  return Math.floor((+start + MONDAY_OFFSET_MS) / WEEK_MS);
}

export const weekDocumentId = (resourceId: string, week: number) => `${resourceId}@${week}`;

/**
 * The bookings of a calendar read as its head and then its weeks: each booking once, in its highest
 * `version` (a booking revised since its fold is in the head and in a week; the head's is newer).
 * Week copies first, in week order, then the head's new bookings, as they were added.
 */
export function assemble<B extends { id: string; version: number; movedFrom?: number[] }>(
  head: B[],
  weeks: B[][],
): Omit<B, 'movedFrom'>[] {
  const newest = new Map<string, B>();
  for (const booking of [...weeks.flat(), ...head]) {
    const known = newest.get(booking.id);
    if (!known || known.version < booking.version) newest.set(booking.id, booking);
  }
  return [...newest.values()].map(withoutMovedFrom);
}

/** A week's bookings with `incoming` merged in: a booking replaced only by a higher `version` of it. */
export function mergeNewest(week: StoredBooking[], incoming: StoredBooking[]): StoredBooking[] {
  const merged = new Map(week.map((b) => [b.id, b]));
  for (const booking of incoming) {
    const known = merged.get(booking.id);
    if (!known || known.version < booking.version) merged.set(booking.id, withoutMovedFrom(booking));
  }
  return [...merged.values()];
}

/**
 * What folding the head writes: each booking into the week of its start, and, for a booking moved
 * to another week, the removal of its older copies from the weeks it may have been written to.
 */
export function foldPlan(head: HeadBooking[]): {
  into: Map<number, StoredBooking[]>;
  outOf: Map<number, { id: string; version: number }[]>;
} {
  const into = new Map<number, StoredBooking[]>();
  const outOf = new Map<number, { id: string; version: number }[]>();
  for (const booking of head) {
    const week = weekOf(booking.start);
    into.set(week, [...(into.get(week) ?? []), booking]);
    for (const from of (booking.movedFrom ?? []).filter((w) => w !== week))
      outOf.set(from, [...(outOf.get(from) ?? []), { id: booking.id, version: booking.version }]);
  }
  return { into, outOf };
}

/** A week's bookings without the older copies of bookings that now live in another week. */
export function withoutOlderCopies(
  week: StoredBooking[],
  moved: { id: string; version: number }[],
): StoredBooking[] {
  const newer = new Map(moved.map((m) => [m.id, m.version]));
  return week.filter((b) => (newer.get(b.id) ?? 0) <= b.version);
}

function withoutMovedFrom<B extends { id: string }>(
  booking: B & { movedFrom?: number[] },
): Omit<B, 'movedFrom'> {
  if (booking.movedFrom === undefined) return booking;
  const { movedFrom: _ignored, ...stored } = booking;
  return stored;
}
