import { hasRole, isAdmin, type Principal } from '@labshare/auth';
import type { Booking } from '@labshare/contracts';
import { toBookingDto } from '../booking-dto';
import type { BookingDeps } from './booking-deps';

export interface ListBookingsQuery {
  resourceId?: string;
  orgId?: string;
  status?: string;
  from?: Date;
  to?: Date;
  limit: number;
  after?: [number, string];
}

/** A booker lists its own org's bookings; an org_admin also those on its org's resources; admin all. */
export async function listBookings(
  deps: BookingDeps,
  caller: Principal,
  query: ListBookingsQuery,
): Promise<{ items: Booking[]; last?: [number, string] }> {
  const bookings = await deps.projection.list(
    {
      ...(isAdmin(caller)
        ? {}
        : { visibleTo: { org: caller.org, asProvider: hasRole(caller, 'org_admin') } }),
      resourceId: query.resourceId,
      orgId: query.orgId,
      status: query.status,
      from: query.from?.getTime(),
      to: query.to?.getTime(),
    },
    { limit: query.limit, after: query.after },
  );
  const last = bookings.at(-1);
  return {
    items: bookings.map(toBookingDto),
    ...(last && bookings.length === query.limit ? { last: [last.start, last.id] as [number, string] } : {}),
  };
}
