import {
  newEvent,
  orgEventTypes,
  topics,
  type Blackout,
  type Org,
  type Resource,
  type ResourceEventType,
} from '@labshare/contracts';
import type { PendingEvent } from '../ports';

const SOURCE = 'labshare/inventory';

export interface EventContext {
  now: Date;
  correlationId?: string;
}

/** Every resource event carries the full snapshot, with its version, keyed by the resource id. */
export function resourceEvent(
  type: ResourceEventType,
  resource: Resource,
  context: EventContext,
  blackout?: Blackout,
): PendingEvent {
  const data = blackout ? { resource, blackout } : { resource };
  return {
    topic: topics.resources,
    event: newEvent({
      source: SOURCE,
      type,
      subject: resource.id,
      data,
      time: context.now,
      correlationId: context.correlationId,
    }),
  };
}

export function orgEvent(type: 'created' | 'updated', org: Org, context: EventContext): PendingEvent {
  const event = newEvent({
    source: SOURCE,
    type: orgEventTypes[type],
    subject: org.id,
    data: { org },
    time: context.now,
    correlationId: context.correlationId,
  });
  return { topic: topics.orgs, event };
}
