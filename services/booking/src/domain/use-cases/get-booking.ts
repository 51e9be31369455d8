import type { Principal } from '@labshare/auth';
import { errors } from '@labshare/errors';
import type { BookingState } from '../booking-state';
import { canSee } from './access-rules';
import type { BookingDeps } from './booking-deps';

/** A booking the caller may see, else 404 (whether it exists or not is not the caller's business). */
export async function visibleBooking(
  deps: BookingDeps,
  caller: Principal,
  id: string,
): Promise<BookingState> {
  const booking = (await deps.projection.get(id)) ?? (await fromCalendar(deps, id));
  if (!booking || !canSee(caller, booking)) throw errors.notFound(`Booking ${id}`);
  return booking;
}

/** The projection may lag its calendar by a moment after a crash; the calendar is the truth. */
async function fromCalendar(deps: BookingDeps, id: string): Promise<BookingState | undefined> {
  const resourceId = await deps.calendars.resourceIdOfBooking(id);
  if (!resourceId) return undefined;
  return (await deps.calendars.load(resourceId)).bookings.find((b) => b.id === id);
}
