// Fills the platform for the search and "platform full" figures without booking through the API
// (20,000 bookings at ~100/s would take minutes): resources are announced on the bus as inventory
// does, and each gets a calendar document written raw in booking's stored form (one confirmed
// 1-hour booking per hour of day `day`, `perResource` of them) with those bookings' projection
// documents, then the events booking would have published for them (replicas keep the calendars
// searches read from them).
import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import {
  bookingEventData,
  bookingEventTypes,
  resourceEventTypes,
  topics,
  type Resource,
} from '@labshare/contracts';
import { dayAt, resourceSnapshot, type Announcer } from '@labshare/testkit';
import { toBookingDto } from '../services/booking/src/domain/rules/booking-dto';
import type { BookingState } from '../services/booking/src/domain/rules/booking-state';

export async function seedCalendars(options: {
  inventory: Announcer;
  bookingDb: Db;
  owner: { id: string };
  consumer: { id: string };
  count: number;
  perResource: number;
  day: number;
  overrides?: Partial<Resource>;
}): Promise<Resource[]> {
  const { inventory, bookingDb, owner, consumer, count, perResource, day } = options;
  const resources = Array.from({ length: count }, () => resourceSnapshot(owner, options.overrides));
  for (let i = 0; i < resources.length; i += 500) {
    const batch = resources.slice(i, i + 500);
    await inventory.publish(
      topics.resources,
      resourceEventTypes.created,
      batch.map((resource) => ({ subject: resource.id, data: { resource } })),
    );
  }
  const now = new Date();
  const calendars = resources.map((resource) => ({
    _id: resource.id,
    version: 1,
    waitlist: [],
    outbox: [],
    outboxClaimedUntil: null,
    dueAt: new Date(dayAt(day, 0)), // as the repository writes it: the first confirmed booking's start
    bookings: Array.from({ length: perResource }, (_, h) => ({
      id: `bkg-${randomUUID()}`,
      resourceId: resource.id,
      resourceKind: resource.kind,
      providerOrgId: owner.id,
      consumerOrgId: consumer.id,
      consumerKind: 'enterprise',
      userId: 'bench-seed',
      start: new Date(dayAt(day, h)),
      end: new Date(dayAt(day, h + 1)),
      quantity: resource.capacity,
      status: 'confirmed',
      external: true,
      price: { amount: 80000, currency: 'CNY' },
      priceTerms: {
        category: 'enterprise',
        perHour: 80000,
        currency: 'CNY',
        incrementMinutes: 15,
        minimumMinutes: 0,
        basis: 'booked',
        rateCardVersion: resource.version,
      },
      createdAt: now,
      updatedAt: now,
      version: 1,
    })),
  }));
  for (let i = 0; i < calendars.length; i += 500) {
    const batch = calendars.slice(i, i + 500);
    await bookingDb.collection('calendars').insertMany(batch as never[]);
    // The projection as booking keeps it (one document per booking, `_id` its id).
    const projected = batch.flatMap((calendar) => calendar.bookings.map((b) => ({ _id: b.id, ...b })));
    await bookingDb.collection('bookings').insertMany(projected as never[]);
  }
  const events = calendars.flatMap((calendar) =>
    calendar.bookings.map((b) => ({
      subject: calendar._id,
      // Parsed as booking's consumers will (a seed out of step with the contract fails here).
      data: bookingEventData.parse({
        booking: toBookingDto({
          ...b,
          start: +b.start,
          end: +b.end,
          createdAt: +b.createdAt,
          updatedAt: +b.updatedAt,
        } as BookingState),
      }),
    })),
  );
  for (let i = 0; i < events.length; i += 500) {
    await inventory.publish(topics.bookings, bookingEventTypes.created, events.slice(i, i + 500));
  }
  return resources;
}
