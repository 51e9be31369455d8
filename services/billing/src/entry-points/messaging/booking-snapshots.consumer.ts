import { bookingEventData, bookingEventTypes, topics } from '@labshare/contracts';
import { handlersFor } from '@labshare/messaging';
import type { ConsumerDefinition } from '@labshare/runtime';
import type { BillingDeps } from '../../domain/ports';
import { applyBookingSnapshot } from '../../domain/use-cases/apply-booking-snapshot';

/** Every booking snapshot, kept newest-first for the open-use report (booked minutes). */
export function bookingSnapshotsConsumer(deps: BillingDeps): ConsumerDefinition {
  return {
    groupId: 'billing.booking-snapshots',
    topics: [topics.bookings],
    handlers: handlersFor(Object.values(bookingEventTypes), bookingEventData, (data) =>
      applyBookingSnapshot(deps, data.booking),
    ),
  };
}
