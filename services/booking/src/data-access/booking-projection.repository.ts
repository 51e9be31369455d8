import type { Connection } from 'mongoose';
import type { PageRequest } from '@labshare/domain-kit';
import { saveIfNewer } from '@labshare/mongo';
import type { BookingState } from '../domain/rules/booking-state';
import type { BookingFilter, BookingKey, BookingProjection } from '../domain/ports';
import { fromStoredBooking, toStoredBooking, type StoredBooking } from './calendar-documents';

type ProjectionDocument = StoredBooking & { _id: string };

/**
 * Every booking ever made, one document each, for lookups and lists. Kept from the calendars'
 * changes (at once, and again from our own events for repair); a write with an older or equal
 * version than the stored one is ignored, so replays and races cannot roll it back.
 */
export class BookingProjectionRepository implements BookingProjection {
  constructor(private readonly db: Connection) {}

  private get bookings() {
    return this.db.collection<ProjectionDocument>('bookings');
  }

  async ensureIndexes(): Promise<void> {
    await this.bookings.createIndex({ resourceId: 1, start: 1 });
    await this.bookings.createIndex({ consumerOrgId: 1, start: 1 });
    await this.bookings.createIndex({ providerOrgId: 1, start: 1 });
  }

  save(booking: BookingState): Promise<void> {
    return saveIfNewer(this.db.db!, 'bookings', booking.id, booking.version, toStoredBooking(booking));
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
