import type { BookingDeps } from '../ports';
import { changeWithOffers } from '../rules/calendar-changes';
import { dueTransition } from '../rules/scan-due';
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
