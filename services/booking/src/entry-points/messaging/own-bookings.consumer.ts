import { bookingEventData, bookingEventTypes, topics } from '@labshare/contracts';
import { handlersFor } from '@labshare/messaging';
import type { ConsumerDefinition } from '@labshare/runtime';
import type { BookingDeps } from '../../domain/ports';
import { repairProjection } from '../../domain/use-cases/repair-projection';

/**
 * Booking's own events read back, to repair the booking projection after a crash between two
 * writes. A repair is in no hurry: fetches gather up to half a second of events, so under a trickle
 * of bookings this group costs a fetch and a commit per half second, not per booking.
 */
export function ownBookingsConsumer(deps: BookingDeps): ConsumerDefinition {
  return {
    groupId: 'booking.projection',
    topics: [topics.bookings],
    gather: { bytes: 256 * 1024, waitMs: 500 },
    handlers: handlersFor(bookingEventTypes, bookingEventData, (data) =>
      repairProjection(deps, data.booking),
    ),
  };
}
