import { bookingEventData, bookingEventTypes, topics } from '@labshare/contracts';
import { handlersFor } from '@labshare/messaging';
import type { ConsumerDefinition } from '@labshare/runtime';
import type { BookingDeps } from '../../domain/ports';
import { repairProjection } from '../../domain/use-cases/repair-projection';

/** Booking's own events read back, to repair the booking projection after a crash between two writes. */
export function ownBookingsConsumer(deps: BookingDeps): ConsumerDefinition {
  return {
    groupId: 'booking.projection',
    topics: [topics.bookings],
    handlers: handlersFor(bookingEventTypes, bookingEventData, (data) =>
      repairProjection(deps, data.booking),
    ),
  };
}
