import { STALE, untilWritten } from '@labshare/domain-kit';
import { errors } from '@labshare/errors';
import type { BookingDeps, CalendarChange } from '../ports';
import type { Calendar } from '../rules/booking-state';

type Decide<T> = (calendar: Calendar) => { change: CalendarChange; result: T };

/**
 * The one way a calendar changes (optimistic concurrency, `untilWritten`): read it, decide on that
 * version, write only if it is still that version, else read again and decide again. A capacity
 * check is therefore never stale when its booking is written: two bookings cannot both fit into the
 * last unit, with any number of replicas. `decide` throws to refuse (409/422). The read may be a
 * copy held in memory (one round trip per booking: the write); a refusal, or a decision that changes
 * nothing, is made again on the stored document, so no answer rests on a copy that other replicas'
 * writes have overtaken.
 *
 * A calendar's decisions in one replica take turns (`calendarTurns`): each reads the copy the one
 * before it wrote, so requests arriving together for one resource are written one after another,
 * not refused against each other and retried (which cost a read and a write each, for every one
 * that lost, and grew with the number waiting). Only other replicas' writes are met as refusals.
 */
export function changeCalendar<T>(deps: BookingDeps, resourceId: string, decide: Decide<T>): Promise<T> {
  return untilWritten(
    async () => {
      const decided = await deps.calendarTurns.run(resourceId, async () => {
        const { calendar, change, result } = await decideOn(deps, resourceId, decide);
        if (isEmpty(change)) return { change, result };
        return (await deps.calendars.commit(calendar, change)) ? { change, result } : STALE;
      });
      if (decided === STALE) return STALE;
      // The projection is also kept by a consumer of our own events; writing it here makes a
      // booking readable the moment its 201 is returned.
      await Promise.all(decided.change.put.map((b) => deps.projection.save(b)));
      return decided.result;
    },
    { exhausted: () => errors.unavailable('The resource is too busy right now; please retry.') },
  );
}

async function decideOn<T>(deps: BookingDeps, resourceId: string, decide: Decide<T>) {
  const calendar = await deps.calendars.load(resourceId);
  try {
    const decision = decide(calendar);
    if (!isEmpty(decision.change)) return { calendar, ...decision };
  } catch {
    // refused on what may be a copy: decided again below on the stored document
  }
  const stored = await deps.calendars.load(resourceId, { fresh: true });
  return { calendar: stored, ...decide(stored) };
}

const isEmpty = (change: CalendarChange) =>
  change.put.length === 0 && change.waitlist.length === 0 && !change.drop;

/** The context events and offers of a decision made now are raised in. */
export function decisionContext(deps: BookingDeps) {
  return {
    now: deps.clock().getTime(),
    correlationId: deps.correlationId(),
    offerMs: deps.offerMs,
    newId: deps.newId,
  };
}
