import { bookingEventData, bookingEventTypes, topics } from '@labshare/contracts';
import { handlersFor } from '@labshare/messaging';
import type { ConsumerDefinition } from '@labshare/runtime';
import type { BillingDeps } from '../../domain/ports';
import { recordBookingFee } from '../../domain/use-cases/record-booking-fee';

/** Booking's late cancels and no-shows: their fees are charged once. */
export function bookingEventsConsumer(deps: BillingDeps): ConsumerDefinition {
  return {
    groupId: 'billing.bookings',
    topics: [topics.bookings],
    // Each fact is rated on its own (its line id, its statement admission): order does not matter.
    concurrency: 16,
    handlers: handlersFor(
      [bookingEventTypes.cancelled, bookingEventTypes.noShow],
      bookingEventData,
      (data, event) => recordBookingFee(deps, data.booking, event.id),
    ),
  };
}
