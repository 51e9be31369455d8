import {
  bookingEventTypes,
  newEvent,
  orgEventTypes,
  resourceEventTypes,
  topics,
  type Booking,
  type EventEnvelope,
  type Org,
  type Resource,
} from '@labshare/contracts';
import { createLogger } from '@labshare/logging';
import { MessageBus } from '@labshare/messaging';
import { orgSnapshot, resourceSnapshot } from './snapshots';

/**
 * Publishes on the bus what another service would (orgs and resources as inventory announces
 * them, or any event), so a service under test learns of them the way it does in production.
 */
export class Announcer {
  readonly bus: MessageBus;

  constructor(env: Record<string, string | undefined>, name = 'test-announcer') {
    this.bus = new MessageBus({
      brokers: (env.KAFKA_BROKERS ?? '').split(','),
      clientId: name,
      topicPrefix: env.KAFKA_TOPIC_PREFIX,
      logger: createLogger({ service: name, level: 'silent' }),
    });
  }

  /** Publishes events of one type with their data, each keyed by its subject. */
  async publish(topic: string, type: string, items: { subject: string; data: Record<string, unknown> }[]) {
    const events: EventEnvelope[] = items.map(({ subject, data }) =>
      newEvent({ source: 'test/announcer', type, subject, data, time: new Date() }),
    );
    await this.bus.publish(topic, events);
    return events;
  }

  async org(kind: Org['kind'] = 'enterprise', overrides: Partial<Org> = {}): Promise<Org> {
    const org = orgSnapshot(kind, overrides);
    await this.publish(topics.orgs, orgEventTypes.created, [{ subject: org.id, data: { org } }]);
    return org;
  }

  async resource(
    owner: { id: string },
    overrides: Partial<Resource> = {},
    type: string = resourceEventTypes.created,
  ): Promise<Resource> {
    const resource = resourceSnapshot(owner, overrides);
    await this.resourceState(resource, type);
    return resource;
  }

  /** Announces a resource's (new) state as it is given. */
  async resourceState(resource: Resource, type: string = resourceEventTypes.updated): Promise<void> {
    await this.publish(topics.resources, type, [{ subject: resource.id, data: { resource } }]);
  }

  /** Announces a booking's state as booking would (`booking.confirmed.v1` unless told). */
  async booking(booking: Booking, type: string = bookingEventTypes.confirmed): Promise<Booking> {
    await this.publish(topics.bookings, type, [{ subject: booking.resourceId, data: { booking } }]);
    return booking;
  }

  stop(): Promise<void> {
    return this.bus.disconnect();
  }
}
