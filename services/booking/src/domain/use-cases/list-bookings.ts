import type { Booking, Principal } from '@labshare/contracts';
import type { ListPage, PageRequest } from '@labshare/domain-kit';
import type { BookingDeps, BookingKey } from '../ports';
import { bookingPageFor, type ListBookingsFilter } from '../support/booking-pages';

/** A booker lists its own org's bookings; an org_admin also those on its org's resources; admin all. */
export function listBookings(
  deps: BookingDeps,
  caller: Principal,
  filter: ListBookingsFilter,
  page: PageRequest<BookingKey>,
): Promise<ListPage<Booking, BookingKey>> {
  return bookingPageFor(deps, caller, filter, page);
}
