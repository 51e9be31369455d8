import type { Principal } from '@labshare/auth';
import type { Booking } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import { occupies } from '../booking-state';
import { toBookingDto } from '../booking-dto';
import { cancel } from '../booking-transitions';
import { assertMayCancel } from './access-rules';
import type { BookingDeps } from './booking-deps';
import { changeCalendar } from './change-calendar';
import { changeWithOffers } from './change-with-offers';
import { resourceOrNotFound } from './requester';

/** Cancels every live occurrence of a series, or those starting at or after `from`, in one write. */
export async function cancelSeries(
  deps: BookingDeps,
  caller: Principal,
  seriesId: string,
  from?: Date,
): Promise<{ id: string; cancelled: Booking[] }> {
  const resourceId = await deps.calendars.resourceIdOfSeries(seriesId);
  if (!resourceId) throw errors.notFound(`Series ${seriesId}`);
  const resource = await resourceOrNotFound(deps, resourceId);
  return changeCalendar(deps, resourceId, (calendar) => {
    const now = deps.clock().getTime();
    const members = calendar.bookings.filter((b) => b.seriesId === seriesId);
    const first = members[0];
    if (!first) throw errors.notFound(`Series ${seriesId}`);
    assertMayCancel(caller, first);
    const changes = members
      .filter((b) => occupies(b) && (from === undefined || b.start >= from.getTime()))
      .map((b) => cancel(b, resource, 'series cancelled', now));
    return {
      change: changeWithOffers(
        deps,
        calendar,
        resource,
        now,
        changes.map((booking) => ({ booking, event: 'cancelled' as const })),
      ),
      result: { id: seriesId, cancelled: changes.map(toBookingDto) },
    };
  });
}
