import { bookingEventData, bookingEventTypes, topics } from '@labshare/contracts';
import { handlersFor } from '@labshare/messaging';
import type { ConsumerDefinition } from '@labshare/runtime';
import type { AccessDeps } from '../../domain/ports';
import { applyBookingSnapshot } from '../../domain/use-cases/apply-booking-snapshot';

/** Booking's snapshots, into access's read model; cancelled, moved or no-show bookings revoke their passes. */
export function bookingEventsConsumer(deps: AccessDeps): ConsumerDefinition {
  return {
    groupId: 'access.bookings',
    topics: [topics.bookings],
    handlers: handlersFor(bookingEventTypes, bookingEventData, (data) =>
      applyBookingSnapshot(deps, data.booking),
    ),
  };
}
