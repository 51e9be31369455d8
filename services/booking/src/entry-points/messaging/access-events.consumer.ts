import {
  qualificationEventData,
  qualificationEventTypes,
  sessionCheckedInData,
  sessionEventTypes,
  topics,
} from '@labshare/contracts';
import { handlersFor } from '@labshare/messaging';
import type { ConsumerDefinition } from '@labshare/runtime';
import type { BookingDeps } from '../../domain/ports';
import { applyQualificationSnapshot } from '../../domain/use-cases/apply-qualification-snapshot';
import { recordCheckIn } from '../../domain/use-cases/record-check-in';

/** Access's qualifications (into a read model) and check-ins (a booking is no longer a possible no-show). */
export function accessEventsConsumer(deps: BookingDeps): ConsumerDefinition {
  return {
    groupId: 'booking.access-events',
    topics: [topics.qualifications, topics.sessions],
    handlers: {
      ...handlersFor(qualificationEventTypes, qualificationEventData, (data) =>
        applyQualificationSnapshot(deps, data.qualification),
      ),
      ...handlersFor([sessionEventTypes.checkedIn], sessionCheckedInData, (data) =>
        recordCheckIn(deps, data),
      ),
    },
  };
}
