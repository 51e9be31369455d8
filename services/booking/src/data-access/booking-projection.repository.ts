import type { Connection } from 'mongoose';
import type { PageRequest } from '@labshare/domain-kit';
import { saveEachIfNewer, WriteBatcher } from '@labshare/mongo';
import type { BookingState } from '../domain/rules/booking-state';
import type { BookingFilter, BookingKey, BookingProjection } from '../domain/ports';
import { fromStoredBooking, toStoredBooking, type StoredBooking } from './calendar-documents';

type ProjectionDocument = StoredBooking & { _id: string };

const MAX_VERSIONS_KNOWN = 50_000;

/**
 * Every booking ever made, one document each, for lookups and lists. Kept from the calendars'
 * changes (at once, and again before their events are relayed, for repair); a write with an older
 * or equal version than the stored one is ignored, so replays and races cannot roll it back.
 */
export class BookingProjectionRepository implements BookingProjection {
  /**
   * The version of each booking this replica last knows stored (its own saves): the repair before
   * relaying an event for a version stored here then costs no write (it would only have been
   * refused). Bounded; a booking not remembered is written as before.
   */
  private readonly stored = new Map<string, number>();
  /** Saves in flight by booking: the repair of a version being saved waits for that save. */
  private readonly saving = new Map<string, { version: number; done: Promise<void> }>();
  /** Saves made while one is in flight go together in the next (one round trip under load). */
  private readonly saves = new WriteBatcher<BookingState>((bookings) =>
    saveEachIfNewer(
      this.db.db!,
      'bookings',
      bookings.map((b) => ({
        id: b.id,
        version: b.version,
        fields: toStoredBooking(b),
        first: b.version === 1, // every booking starts at version 1 (`newBooking`)
      })),
    ),
  );

  constructor(private readonly db: Connection) {}

  private get bookings() {
    return this.db.collection<ProjectionDocument>('bookings');
  }

  async ensureIndexes(): Promise<void> {
    await this.bookings.createIndex({ resourceId: 1, start: 1 });
    await this.bookings.createIndex({ consumerOrgId: 1, start: 1 });
    await this.bookings.createIndex({ providerOrgId: 1, start: 1 });
  }

  async save(booking: BookingState): Promise<void> {
    const known = this.stored.get(booking.id);
    if (known !== undefined && known >= booking.version) return;
    const inFlight = this.saving.get(booking.id);
    if (inFlight && inFlight.version >= booking.version) return inFlight.done;
    const done = this.saves.add(booking);
    this.saving.set(booking.id, { version: booking.version, done });
    try {
      await done;
    } finally {
      if (this.saving.get(booking.id)?.done === done) this.saving.delete(booking.id);
    }
    // Stored now, or refused because a version at least as new was there: either way, at least this.
    const now = this.stored.get(booking.id);
    this.stored.delete(booking.id); // re-inserted last: the map's order is the order of use
    this.stored.set(booking.id, Math.max(now ?? 0, booking.version));
    if (this.stored.size > MAX_VERSIONS_KNOWN) this.stored.delete(this.stored.keys().next().value!);
  }

  async get(id: string): Promise<BookingState | undefined> {
    const doc = await this.bookings.findOne({ _id: id });
    return doc ? fromStoredBooking(doc) : undefined;
  }

  async list(filter: BookingFilter, page: PageRequest<BookingKey>): Promise<BookingState[]> {
    const and: object[] = [];
    if (filter.visibleTo) {
      const { org, asProvider } = filter.visibleTo;
      and.push(
        asProvider ? { $or: [{ consumerOrgId: org }, { providerOrgId: org }] } : { consumerOrgId: org },
      );
    }
    if (filter.resourceId) and.push({ resourceId: filter.resourceId });
    if (filter.orgId) and.push({ $or: [{ consumerOrgId: filter.orgId }, { providerOrgId: filter.orgId }] });
    if (filter.status) and.push({ status: filter.status });
    if (filter.to !== undefined) and.push({ start: { $lt: new Date(filter.to) } });
    if (filter.from !== undefined) and.push({ end: { $gt: new Date(filter.from) } });
    if (page.after) {
      const [start, id] = page.after;
      and.push({ $or: [{ start: { $gt: new Date(start) } }, { start: new Date(start), _id: { $gt: id } }] });
    }
    const docs = await this.bookings
      .find(and.length ? { $and: and } : {})
      .sort({ start: 1, _id: 1 })
      .limit(page.limit)
      .toArray();
    return docs.map(fromStoredBooking);
  }
}
