import type { Principal, SeriesCancelled } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { BookingDeps } from '../ports';
import { assertMayCancel } from '../rules/booking-access';
import { toBookingDto } from '../rules/booking-dto';
import { occupies } from '../rules/booking-state';
import { cancel } from '../rules/booking-transitions';
import { changeWithOffers } from '../rules/calendar-changes';
import { changeCalendar, decisionContext } from '../support/change-calendar';
import { knownResource } from '../support/lookups';

/** Cancels every live occurrence of a series, or those starting at or after `from`, in one write. */
export async function cancelSeries(
  deps: BookingDeps,
  caller: Principal,
  seriesId: string,
  from?: Date,
): Promise<SeriesCancelled> {
  const resourceId = await deps.calendars.resourceIdOfSeries(seriesId);
  if (!resourceId) throw errors.notFound(`Series ${seriesId}`);
  const resource = await knownResource(deps, resourceId);
  return changeCalendar(deps, resourceId, (calendar) => {
    const context = decisionContext(deps);
    const members = calendar.bookings.filter((b) => b.seriesId === seriesId);
    const first = members[0];
    if (!first) throw errors.notFound(`Series ${seriesId}`);
    assertMayCancel(caller, first);
    const changes = members
      .filter((b) => occupies(b) && (from === undefined || b.start >= from.getTime()))
      .map((b) => cancel(b, resource, 'series cancelled', context.now));
    return {
      change: changeWithOffers(
        calendar,
        resource,
        context,
        changes.map((booking) => ({ booking, event: 'cancelled' as const })),
      ),
      result: { id: seriesId, cancelled: changes.map(toBookingDto) },
    };
  });
}
