import {
  bookingEventData,
  bookingEventTypes,
  orgEventData,
  orgEventTypes,
  qualificationEventData,
  qualificationEventTypes,
  resourceEventData,
  resourceEventTypes,
  sessionCheckedInData,
  sessionEventTypes,
  topics,
  type EventEnvelope,
} from '@labshare/contracts';
import type { EventHandler } from '@labshare/messaging';
import type {
  OrgReadModel,
  QualificationReadModel,
  ResourceReadModel,
} from '../../data-access/read-models.repository';
import type { BookingProjectionRepository } from '../../data-access/booking-projection.repository';
import { fromBookingDto } from '../../domain/booking-dto';
import type { BookingDeps } from '../../domain/use-cases/booking-deps';
import { recordCheckIn } from '../../domain/use-cases/record-check-in';

function forTypes(types: Record<string, string>, handle: EventHandler): Record<string, EventHandler> {
  return Object.fromEntries(Object.values(types).map((type) => [type, handle]));
}

const dataOf =
  <T>(schema: { parse: (v: unknown) => T }) =>
  (event: EventEnvelope): T =>
    schema.parse(event.data);

/**
 * What booking learns from the bus: resource and org snapshots from inventory, qualifications and
 * check-ins from access, and its own booking events (to repair the booking projection after a
 * crash between a calendar write and its projection write). Every handler is idempotent.
 */
export function bookingConsumers(parts: {
  deps: BookingDeps;
  resources: ResourceReadModel;
  orgs: OrgReadModel;
  qualifications: QualificationReadModel;
  projection: BookingProjectionRepository;
}) {
  return [
    {
      groupId: 'booking.read-models',
      topics: [topics.orgs, topics.resources, topics.qualifications, topics.sessions],
      handlers: {
        ...forTypes(resourceEventTypes, (e) => parts.resources.apply(dataOf(resourceEventData)(e).resource)),
        ...forTypes(orgEventTypes, (e) => parts.orgs.apply(dataOf(orgEventData)(e).org)),
        ...forTypes(qualificationEventTypes, (e) =>
          parts.qualifications.apply(dataOf(qualificationEventData)(e).qualification),
        ),
        [sessionEventTypes.checkedIn]: (e: EventEnvelope) =>
          recordCheckIn(parts.deps, dataOf(sessionCheckedInData)(e)),
      },
    },
    {
      groupId: 'booking.projection',
      topics: [topics.bookings],
      handlers: forTypes(bookingEventTypes, (e: EventEnvelope) =>
        parts.projection.save(fromBookingDto(dataOf(bookingEventData)(e).booking)),
      ),
    },
  ];
}
