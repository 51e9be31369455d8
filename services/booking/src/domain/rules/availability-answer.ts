import { bookingWindow, freeIntervals, isoInstant as iso, slots } from '@labshare/availability';
import type { ResourceAvailability } from '@labshare/contracts';
import { occupies, type Calendar } from './booking-state';
import { blackoutIntervals, calendarSpec, type ResourceView } from './resource-view';

export interface AvailabilityRequest {
  from: Date;
  to: Date;
  quantity: number;
  durationMinutes?: number;
}

/**
 * Free time of one resource, by the same engine that re-checks every booking, on the calendar the
 * booking path writes: what is offered here can be booked. A retired resource has none.
 */
export function availabilityOf(
  resource: ResourceView,
  calendar: Calendar,
  request: AvailabilityRequest,
  now: number,
): ResourceAvailability {
  const active = resource.status === 'active';
  const input = {
    spec: calendarSpec(resource),
    blackouts: blackoutIntervals(resource),
    occupancy: calendar.bookings.filter(occupies),
    range: { start: request.from.getTime(), end: request.to.getTime() },
    quantity: request.quantity,
    now,
  };
  const answer: ResourceAvailability = {
    resourceId: resource.id,
    timezone: resource.timezone,
    free: (active ? freeIntervals(input) : []).map((p) => ({
      start: iso(p.start),
      end: iso(p.end),
      available: p.available,
    })),
  };
  if (request.durationMinutes !== undefined) {
    const found = active ? slots({ ...input, durationMinutes: request.durationMinutes }) : [];
    answer.slots = found.map((s) => ({ start: iso(s.start), end: iso(s.end) }));
  }
  return answer;
}

/**
 * What fixes an answer the clock plays no part in, as a key: the asked range (and the run of the
 * last slot past it) lies wholly inside the booking window now, so the answer follows from the
 * resource's version, the calendar's version and the request alone, and an answer made for that key
 * earlier is still exact. Undefined when the window clips the range (near now or the horizon): such
 * an answer changes with the clock and is made afresh.
 */
export function clockFreeKey(
  resource: ResourceView,
  calendar: Calendar,
  request: AvailabilityRequest,
  now: number,
): string | undefined {
  const window = bookingWindow(calendarSpec(resource), now);
  const from = request.from.getTime();
  const to = request.to.getTime();
  const reach = to + (request.durationMinutes ?? 0) * 60_000;
  if (from < window.start || reach > window.end) return undefined;
  return answerKey(resource, calendar, request);
}

/** How long an answer for a range that starts inside the lead time (today's view) is worked out for. */
export const EARLY_ANSWER_MS = 60_000;

/**
 * For a range that starts before the booking window does (today's view: from now, or earlier): the
 * instant `at` (now, rounded down to EARLY_ANSWER_MS) whose answer, clipped to the window's start
 * now (`clippedTo`), is exactly the answer now, and the key that fixes the answer at `at`. The clock
 * moves the window's start only: free pieces and slots before it fall away, nothing else changes.
 * Undefined when the range (with its last slot) reaches past the window `at` opens, or starts inside it.
 */
export function earlyKey(
  resource: ResourceView,
  calendar: Calendar,
  request: AvailabilityRequest,
  now: number,
): { key: string; at: number; start: number } | undefined {
  const at = now - (now % EARLY_ANSWER_MS);
  const spec = calendarSpec(resource);
  const start = bookingWindow(spec, now).start;
  const reach = request.to.getTime() + (request.durationMinutes ?? 0) * 60_000;
  if (request.from.getTime() >= start || reach > bookingWindow(spec, at).end) return undefined;
  return { key: `${answerKey(resource, calendar, request)}|early@${at}`, at, start };
}

/** The answer without the free time and slots before `start` (a free piece across it starts there). */
export function clippedTo(answer: ResourceAvailability, start: number): ResourceAvailability {
  const from = iso(start);
  const free = answer.free
    .filter((piece) => piece.end > from)
    .map((piece) => (piece.start < from ? { ...piece, start: from } : piece));
  const clipped: ResourceAvailability = { ...answer, free };
  if (answer.slots) clipped.slots = answer.slots.filter((slot) => slot.start >= from);
  return clipped;
}

function answerKey(resource: ResourceView, calendar: Calendar, request: AvailabilityRequest): string {
  const { quantity, durationMinutes = '' } = request;
  return `${resource.id}@${resource.version}|${calendar.version}|${request.from.getTime()}|${request.to.getTime()}|${quantity}|${durationMinutes}`;
}
