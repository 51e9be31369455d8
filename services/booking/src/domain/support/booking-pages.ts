import { hasRole, isAdmin, type Booking, type Principal } from '@labshare/contracts';
import { pageOf, type ListPage, type PageRequest } from '@labshare/domain-kit';
import type { BookingDeps, BookingFilter, BookingKey } from '../ports';
import { toBookingDto } from '../rules/booking-dto';

export type ListBookingsFilter = Omit<BookingFilter, 'visibleTo'>;

/** A page of the bookings the caller may see: its org's, its org's resources' for an org_admin, all for admin. */
export async function bookingPageFor(
  deps: BookingDeps,
  caller: Principal,
  filter: ListBookingsFilter,
  page: PageRequest<BookingKey>,
): Promise<ListPage<Booking, BookingKey>> {
  const scoped: BookingFilter = isAdmin(caller)
    ? filter
    : { ...filter, visibleTo: { org: caller.org, asProvider: hasRole(caller, 'org_admin') } };
  const found = await pageOf(
    page,
    (p) => deps.projection.list(scoped, p),
    (b): BookingKey => [b.start, b.id],
  );
  return { ...found, items: found.items.map(toBookingDto) };
}
