import {
  newEvent,
  qualificationEventTypes,
  sessionEventTypes,
  topics,
  usageRecordTypes,
  type Qualification,
  type UsageRecord,
} from '@labshare/contracts';
import type { PendingEvent } from '../ports';
import type { SessionState } from './sessions';

/** When and on whose behalf events are raised: the decision's clock and the request's correlation id. */
export interface EventContext {
  now: number;
  correlationId?: string;
}

const source = 'labshare/access';

/** A qualification's full snapshot, keyed by its id (booking keeps the newest version). */
export function qualificationEvent(
  kind: keyof typeof qualificationEventTypes,
  qualification: Qualification,
  context: EventContext,
): PendingEvent {
  return {
    topic: topics.qualifications,
    event: newEvent({
      source,
      type: qualificationEventTypes[kind],
      subject: qualification.id,
      time: new Date(context.now),
      correlationId: context.correlationId,
      data: { qualification },
    }),
  };
}

/** Booking stops counting the booking as a possible no-show; keyed by resource, like booking's calendar. */
export function checkedInEvent(session: SessionState, context: EventContext): PendingEvent {
  return {
    topic: topics.sessions,
    event: newEvent({
      source,
      type: sessionEventTypes.checkedIn,
      subject: session.resourceId,
      time: new Date(context.now),
      correlationId: context.correlationId,
      data: {
        sessionId: session.id,
        bookingId: session.bookingId,
        resourceId: session.resourceId,
        startedAt: new Date(session.startedAt).toISOString(),
      },
    }),
  };
}

/**
 * The usage record, keyed by the provider org (its usage stays in order, as the subsidy cap per
 * provider needs). The event's id is the record's, so even a relay that publishes it twice (a crash
 * after the broker's ack, before the outbox was cleared) publishes the same event.
 */
export function usageRecordedEvent(record: UsageRecord, context: EventContext): PendingEvent {
  const event = newEvent({
    source,
    type: usageRecordTypes.recorded,
    subject: record.providerOrgId,
    time: new Date(context.now),
    correlationId: context.correlationId,
    data: { usageRecord: record },
  });
  return { topic: topics.usage, event: { ...event, id: record.id } };
}
