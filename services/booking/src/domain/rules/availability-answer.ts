import {
  bookingWindow,
  freeIntervals,
  isoInstant as iso,
  slots,
  type Interval,
} from '@labshare/availability';
import type { ResourceAvailability } from '@labshare/contracts';
import { occupies, type Calendar, type CalendarOccupancy } from './booking-state';
import { blackoutIntervals, calendarSpec, type ResourceView } from './resource-view';

export interface AvailabilityRequest {
  from: Date;
  to: Date;
  quantity: number;
  durationMinutes?: number;
}

/**
 * Free time of one resource, by the same engine that re-checks every booking, on the calendar the
 * booking path writes: what is offered here can be booked. A retired resource has none. Within the
 * booking window at `now`, or within `window` (a minute's windows together, see `minuteKey`).
 */
export function availabilityOf(
  resource: ResourceView,
  calendar: CalendarOccupancy,
  request: AvailabilityRequest,
  now: number,
  window?: Interval,
): ResourceAvailability {
  const active = resource.status === 'active';
  const input = {
    spec: calendarSpec(resource),
    blackouts: blackoutIntervals(resource),
    occupancy: calendar.bookings.filter(occupies),
    range: { start: request.from.getTime(), end: request.to.getTime() },
    quantity: request.quantity,
    now,
    ...(window ? { window } : {}),
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
 * an answer changes with the clock (see `minuteKey`).
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

/** How long an answer for a range the booking window clips is worked out for. */
const MINUTE_ANSWER_MS = 60_000;

/**
 * For a range the booking window clips (today's view, from now or earlier; a range reaching past
 * the horizon): the key of the answer worked out once for this minute, over `window` (from where
 * the booking window starts at the minute's start to where it ends at the minute's end, so it holds
 * the window of every instant of the minute), and the window `now`. That answer clipped to the
 * window now (`clippedTo`) is exactly the answer now: the clock moves the window only, so what lies
 * outside it falls away and a free piece across its edge is cut there.
 */
export function minuteKey(
  resource: ResourceView,
  calendar: Calendar,
  request: AvailabilityRequest,
  now: number,
): { key: string; window: Interval; now: Interval } {
  const minute = now - (now % MINUTE_ANSWER_MS);
  const spec = calendarSpec(resource);
  const window = {
    start: bookingWindow(spec, minute).start,
    end: bookingWindow(spec, minute + MINUTE_ANSWER_MS).end,
  };
  return {
    key: `${answerKey(resource, calendar, request)}|minute@${minute}`,
    window,
    now: bookingWindow(spec, now),
  };
}

/**
 * Where a clipped answer was cut from: the answer, the free pieces and slots kept as they are there
 * (`[from, to)`), and how many pieces before and after those were cut at the window's edge (0 or 1).
 */
export interface Clip {
  of: ResourceAvailability;
  window: Interval;
  free: { from: number; to: number; cutBefore: number; cutAfter: number };
  slots: { from: number; to: number };
}

const clips = new WeakMap<ResourceAvailability, Clip>();

/** How `answer` was cut from another (`clippedTo`), so its JSON can be cut from that one's; undefined if it was not. */
export function clipOf(answer: ResourceAvailability): Clip | undefined {
  return clips.get(answer);
}

/**
 * The answer within `window` only: free time and slots outside it taken away, a free piece across
 * its edge cut there. Pieces and slots are in time order, so what is kept is a run of each.
 */
export function clippedTo(answer: ResourceAvailability, window: Interval): ResourceAvailability {
  const [start, end] = [iso(window.start), iso(window.end)];
  const first = firstIndex(answer.free, (piece) => piece.end > start);
  const last = firstIndex(answer.free, (piece) => piece.start >= end, first);
  const free = answer.free.slice(first, last);
  const cutBefore = free.length > 0 && free[0]!.start < start ? 1 : 0;
  if (cutBefore) free[0] = { ...free[0]!, start };
  const endCut = free.length > 0 && free.at(-1)!.end > end;
  if (endCut) free[free.length - 1] = { ...free.at(-1)!, end };
  // A single piece cut at both edges is counted once, as cut before.
  const cutAfter = endCut && free.length > cutBefore ? 1 : 0;
  const clipped: ResourceAvailability = { ...answer, free };
  const slots = { from: 0, to: 0 };
  if (answer.slots) {
    slots.from = firstIndex(answer.slots, (slot) => slot.start >= start);
    slots.to = firstIndex(answer.slots, (slot) => slot.end > end, slots.from);
    clipped.slots = answer.slots.slice(slots.from, slots.to);
  }
  clips.set(clipped, {
    of: answer,
    window,
    free: { from: first + cutBefore, to: last - cutAfter, cutBefore, cutAfter },
    slots,
  });
  return clipped;
}

/** The index of the first item from `from` on that `found` holds for; the length if none. */
function firstIndex<T>(items: readonly T[], found: (item: T) => boolean, from = 0): number {
  for (let i = from; i < items.length; i++) if (found(items[i]!)) return i;
  return items.length;
}

function answerKey(resource: ResourceView, calendar: Calendar, request: AvailabilityRequest): string {
  const { quantity, durationMinutes = '' } = request;
  return `${resource.id}@${resource.version}|${calendar.version}|${request.from.getTime()}|${request.to.getTime()}|${quantity}|${durationMinutes}`;
}
