import { errors } from '@labshare/errors';
import type { Calendar } from '../booking-state';
import type { CalendarChange } from '../ports';
import type { BookingDeps } from './booking-deps';

const MAX_ATTEMPTS = 200;

/**
 * The one way a calendar changes: read it, decide on that version, write only if it is still that
 * version, else read again and decide again. The decision is re-made on fresh data every time, so a
 * capacity check can never be stale when its booking is written: two bookings cannot both fit into
 * the last unit, with any number of replicas. `decide` throws to refuse (409/422).
 */
export async function changeCalendar<T>(
  deps: BookingDeps,
  resourceId: string,
  decide: (calendar: Calendar) => { change: CalendarChange; result: T },
): Promise<T> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const calendar = await deps.calendars.load(resourceId);
    const { change, result } = decide(calendar);
    if (change.put.length === 0 && change.waitlist.length === 0 && !change.drop) return result;
    if (await deps.calendars.commit(calendar, change)) {
      // The projection is also kept by a consumer of our own events; writing it here makes a
      // booking readable the moment its 201 is returned.
      await Promise.all(change.put.map((b) => deps.projection.save(b)));
      deps.afterCommit();
      return result;
    }
    // Lost the race: back off a little (jittered, growing) so contenders spread out.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 * attempt, 50)));
  }
  throw errors.unavailable('The resource is too busy right now; please retry.');
}
