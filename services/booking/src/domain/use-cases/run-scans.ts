import type { BookingDeps } from '../ports';
import type { BookingState } from '../rules/booking-state';
import { expire, recordNoShow } from '../rules/booking-transitions';
import { changeWithOffers } from '../rules/calendar-changes';
import type { ResourceView } from '../rules/resource-view';
import { changeCalendar, decisionContext } from '../support/change-calendar';

/**
 * The scheduled scan: holds (and waitlist offers) past their expiry become `expired`; confirmed
 * bookings with no check-in by start + noShowGraceMinutes become `no_show`. Freed units go to the
 * waitlist in the same write. Idempotent: a second run finds nothing due, so replicas may overlap.
 */
export async function runScans(deps: BookingDeps): Promise<{ expired: number; noShows: number }> {
  const counts = { expired: 0, noShows: 0 };
  for (const resourceId of await deps.calendars.dueForScan(deps.clock().getTime())) {
    const resource = await deps.resources.get(resourceId);
    if (!resource) continue;
    const done = await changeCalendar(deps, resourceId, (calendar) => {
      const context = decisionContext(deps);
      const changes = calendar.bookings.flatMap((b) => dueTransition(b, resource, context.now) ?? []);
      return {
        change: changeWithOffers(
          calendar,
          resource,
          context,
          changes.map((booking) => ({
            booking,
            event: booking.status === 'expired' ? ('expired' as const) : ('noShow' as const),
          })),
        ),
        result: {
          expired: changes.filter((b) => b.status === 'expired').length,
          noShows: changes.filter((b) => b.status === 'no_show').length,
        },
      };
    });
    counts.expired += done.expired;
    counts.noShows += done.noShows;
  }
  return counts;
}

function dueTransition(booking: BookingState, resource: ResourceView, now: number): BookingState | undefined {
  if (booking.status === 'held' && booking.expiresAt !== undefined && booking.expiresAt <= now)
    return expire(booking, now);
  const graceEnd = booking.start + resource.policy.noShowGraceMinutes * 60_000;
  if (booking.status === 'confirmed' && booking.checkedInAt === undefined && graceEnd <= now) {
    return recordNoShow(booking, resource, now);
  }
  return undefined;
}
