import type { BookingDeps } from '../ports';
import { changeCalendar } from '../support/change-calendar';

/**
 * Keeps calendars small: bookings and waitlist entries that ended more than `retentionMs` ago (long
 * past any quota period) leave the calendar document; they stay in the booking projection, where
 * lookups and lists find them. A booking is dropped only in the version the projection was just
 * given, so nothing is ever only in the calendar being trimmed. Idempotent: a second run finds
 * nothing to drop.
 */
export async function pruneCalendars(deps: BookingDeps, retentionMs: number): Promise<{ dropped: number }> {
  const cutoff = deps.clock().getTime() - retentionMs;
  let dropped = 0;
  for (const resourceId of await deps.calendars.withFinishedBefore(cutoff)) {
    const finished = (await deps.calendars.load(resourceId)).bookings.filter((b) => b.end < cutoff);
    await Promise.all(finished.map((b) => deps.projection.save(b)));
    const saved = new Map(finished.map((b) => [b.id, b.version]));
    dropped += await changeCalendar(deps, resourceId, (calendar) => {
      const bookings = calendar.bookings.filter((b) => b.end < cutoff && saved.get(b.id) === b.version);
      const entries = calendar.waitlist.filter((e) => e.end < cutoff);
      const nothing = bookings.length === 0 && entries.length === 0;
      return {
        change: {
          put: [],
          waitlist: [],
          events: [],
          ...(nothing
            ? {}
            : { drop: { bookings: bookings.map((b) => b.id), entries: entries.map((e) => e.id) } }),
        },
        result: bookings.length,
      };
    });
  }
  return { dropped };
}
