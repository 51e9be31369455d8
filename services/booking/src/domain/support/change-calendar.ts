import { KeyedBatches, STALE, untilWritten } from '@labshare/domain-kit';
import { errors } from '@labshare/errors';
import type { BookingDeps, CalendarChange, CalendarStore, CalendarTurns, Decide, Decided } from '../ports';
import { afterChange } from '../rules/calendar-changes';

/** At most this many waiting decisions are written together (the head grows by as many bookings). */
const DECISIONS_PER_WRITE = 32;

/**
 * The one way a calendar changes (optimistic concurrency, `untilWritten`): read it, decide on that
 * version, write only if it is still that version, else read again and decide again. A capacity
 * check is therefore never stale when its booking is written: two bookings cannot both fit into the
 * last unit, with any number of replicas. `decide` throws to refuse (409/422). The read may be a
 * copy held in memory, of any age (one round trip per booking: the write); a refusal, or a decision
 * that changes nothing, is made again on the stored document, so no answer rests on a copy that other
 * replicas' writes have overtaken.
 *
 * A calendar's decisions in one replica take turns (`calendarTurns`, see `decideTogether`): those
 * arriving while one is written are decided next, each on the calendar as the ones before it leave
 * it, and written together. So requests arriving at once for one resource neither refuse each other
 * (which cost a read and a write for every one that lost, growing with the number waiting) nor wait
 * for a round trip each. Only other replicas' writes are met as refusals.
 */
export function changeCalendar<T>(deps: BookingDeps, resourceId: string, decide: Decide<T>): Promise<T> {
  return untilWritten(
    async () => {
      const decided = await deps.calendarTurns.add(resourceId, decide);
      if (decided === STALE) return STALE;
      if ('refused' in decided) throw decided.refused;
      // Written here, a booking is readable the moment its 201 is returned; the relay writes it
      // too before sending the events, if this replica dies first (`repairProjection`).
      await Promise.all(decided.change.put.map((b) => deps.projection.save(b)));
      return decided.result as T;
    },
    { exhausted: () => errors.unavailable('The resource is too busy right now; please retry.') },
  );
}

/** The turns of this replica's calendars, deciding on and writing to `calendars`. */
export function calendarTurns(calendars: CalendarStore): CalendarTurns {
  return new KeyedBatches<Decide<unknown>, Decided>(
    (resourceId, decisions) => decideTogether(calendars, resourceId, decisions),
    DECISIONS_PER_WRITE,
  );
}

/**
 * The decisions waiting for one calendar, in the order they came, each made on the calendar as the
 * ones before it leave it, and written in one compare-and-set (a group commit): all of them or, if
 * another replica wrote first, none (each is then STALE and decided again). A decision refused on
 * that copy, changing nothing, or dropping items is made alone after the write, as before
 * (`decideAlone`): on the calendar as now held, and again on the stored one if refused.
 */
async function decideTogether(
  calendars: CalendarStore,
  resourceId: string,
  decisions: Decide<unknown>[],
): Promise<Decided[]> {
  const calendar = await calendars.load(resourceId, { toDecide: true });
  const outcomes: Decided[] = [];
  const together: { at: number; change: CalendarChange }[] = [];
  const alone: number[] = [];
  let after = calendar;
  decisions.forEach((decide, at) => {
    try {
      const decision = decide(after);
      if (isEmpty(decision.change) || decision.change.drop) alone.push(at);
      else {
        together.push({ at, change: decision.change });
        outcomes[at] = decision;
        after = afterChange(after, decision.change);
      }
    } catch {
      alone.push(at);
    }
  });
  if (together.length > 0 && !(await calendars.commit(calendar, merged(together.map((d) => d.change)))))
    for (const { at } of together) outcomes[at] = STALE;
  for (const at of alone) outcomes[at] = await decideAlone(calendars, resourceId, decisions[at]!);
  return outcomes;
}

async function decideAlone(
  calendars: CalendarStore,
  resourceId: string,
  decide: Decide<unknown>,
): Promise<Decided> {
  try {
    const { calendar, change, result } = await decideOn(calendars, resourceId, decide);
    if (isEmpty(change)) return { change, result };
    return (await calendars.commit(calendar, change)) ? { change, result } : STALE;
  } catch (refused) {
    return { refused };
  }
}

/** Changes made one after another as one: the newest of each booking and entry put, every event. */
function merged(changes: CalendarChange[]): CalendarChange {
  if (changes.length === 1) return changes[0]!;
  return {
    put: newestOfEach(changes.flatMap((c) => c.put)),
    waitlist: newestOfEach(changes.flatMap((c) => c.waitlist)),
    events: changes.flatMap((c) => c.events),
  };
}

/** Each id once, where it first came, as it last came. */
const newestOfEach = <T extends { id: string }>(items: T[]): T[] => [
  ...new Map(items.map((item) => [item.id, item])).values(),
];

async function decideOn<T>(calendars: CalendarStore, resourceId: string, decide: Decide<T>) {
  const calendar = await calendars.load(resourceId, { toDecide: true });
  try {
    const decision = decide(calendar);
    if (!isEmpty(decision.change)) return { calendar, ...decision };
  } catch {
    // refused on what may be a copy: decided again below on the stored document
  }
  const stored = await calendars.load(resourceId, { fresh: true });
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
