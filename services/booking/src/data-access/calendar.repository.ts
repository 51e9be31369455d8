import mongoose, { type Connection } from 'mongoose';
import {
  insertEachOnce,
  mongoOutboxSource,
  outboxFields,
  withOutbox,
  type MongoOutboxSource,
  type OutboxEntry,
} from '@labshare/mongo';
import type { WrittenOutbox } from '@labshare/messaging';
import type { Calendar } from '../domain/rules/booking-state';
import type { CalendarChange, CalendarStore } from '../domain/ports';
import {
  fromStoredBooking,
  fromStoredEntry,
  toStoredBooking,
  toStoredEntry,
  type StoredBooking,
  type StoredWaitEntry,
} from './calendar-documents';

interface CalendarDocument {
  _id: string;
  version: number;
  bookings: StoredBooking[];
  waitlist: StoredWaitEntry[];
  outbox?: OutboxEntry[];
}

/**
 * One document per resource: its live bookings, its waitlist, its outbox and a version. Every change
 * is one conditional update on `{ _id, version }` (compare-and-set), so it is atomic on a single
 * server and on a sharded cluster alike (sharded by `_id` = resource id), without transactions.
 * A change with events also claims the outbox for this process's relay in that same write and
 * hands the relay what the write returned, so the relay does not write the document to claim it.
 */
export class CalendarRepository implements CalendarStore {
  private readonly model;
  /** The outbox each calendar held after this replica's last write of it, by the version written. */
  private readonly lastOutbox = new Map<string, { version: number; outbox: OutboxEntry[] }>();
  readonly outboxSource: MongoOutboxSource;

  constructor(
    private readonly db: Connection,
    private readonly eventsWritten: (written: WrittenOutbox) => void,
  ) {
    const schema = new mongoose.Schema(
      { _id: String, version: Number, bookings: [Object], waitlist: [Object], ...outboxFields },
      { versionKey: false, strict: false },
    );
    this.model = db.model('Calendar', schema, 'calendars');
    this.outboxSource = mongoOutboxSource(this.model, { clearDelayMs: CLEAR_DELAY_MS });
  }

  async ensureIndexes(): Promise<void> {
    await this.model.collection.createIndex({ 'bookings.id': 1 });
    await this.model.collection.createIndex({ 'waitlist.id': 1 });
  }

  async load(resourceId: string): Promise<Calendar> {
    const doc = await this.calendars().findOne({ _id: resourceId }, { projection: CALENDAR_FIELDS });
    return toCalendar(resourceId, doc);
  }

  async loadMany(resourceIds: string[]): Promise<Calendar[]> {
    const docs = await this.calendars()
      .find({ _id: { $in: resourceIds } }, { projection: CALENDAR_FIELDS })
      .toArray();
    const byId = new Map(docs.map((d) => [d._id, d]));
    return resourceIds.map((id) => toCalendar(id, byId.get(id)));
  }

  async commit(calendar: Calendar, change: CalendarChange): Promise<boolean> {
    const id = calendar.resourceId;
    const dropped = new Set([...(change.drop?.bookings ?? []), ...(change.drop?.entries ?? [])]);
    const bookings = placements(calendar.bookings, change.put, 'bookings', dropped, toStoredBooking);
    const waitlist = placements(calendar.waitlist, change.waitlist, 'waitlist', dropped, toStoredEntry);
    const claim = change.events.length > 0 ? this.outboxSource.claimInWrite(id) : undefined;
    // This replica made the write this one is conditional on, so it knows the outbox at that version
    // (later relays only removed events from it): the events it relayed since are cleared here.
    const last = this.lastOutbox.get(id);
    const kept =
      claim && claim.relayed.size > 0 && last?.version === calendar.version
        ? last.outbox.filter((e) => !claim.relayed.has(e.event.id))
        : undefined;
    const outbox =
      calendar.version === 0
        ? await this.create(id, bookings.appended, waitlist.appended, change, claim)
        : await this.update(calendar, bookings, waitlist, change, claim, kept);
    if (outbox === undefined) return false; // what is known of the version it was refused on still holds
    this.lastOutbox.delete(id); // re-inserted last (the map's order is the order of use), or gone with its version
    if (claim) {
      if (kept) claim.carried();
      this.lastOutbox.set(id, { version: calendar.version + 1, outbox });
      if (this.lastOutbox.size > MAX_OUTBOXES_KNOWN)
        this.lastOutbox.delete(this.lastOutbox.keys().next().value!);
      this.eventsWritten(claim.written(outbox));
    }
    return true;
  }

  /**
   * The document's pending events after the write (none asked for without a claim); undefined = not
   * written. With `kept`, the outbox is set to those and the new events instead of appended to.
   */
  private async update(
    calendar: Calendar,
    bookings: Placements<StoredBooking>,
    waitlist: Placements<StoredWaitEntry>,
    change: CalendarChange,
    claim: Claim | undefined,
    kept: OutboxEntry[] | undefined,
  ): Promise<OutboxEntry[] | undefined> {
    const set = {
      ...bookings.set,
      ...waitlist.set,
      ...claim?.set,
      ...(kept ? { outbox: [...kept, ...change.events] } : {}),
    };
    const push = {
      ...(bookings.appended.length ? { bookings: { $each: bookings.appended } } : {}),
      ...(waitlist.appended.length ? { waitlist: { $each: waitlist.appended } } : {}),
      ...(change.events.length && !kept ? { outbox: { $each: change.events } } : {}),
    };
    const update = {
      $inc: { version: 1 },
      ...(Object.keys(set).length ? { $set: set } : {}),
      ...(Object.keys(push).length ? { $push: push } : {}),
    };
    const filter = { _id: calendar.resourceId, version: calendar.version };
    if (!claim) {
      const result = await this.calendars().updateOne(filter, update);
      return result.modifiedCount === 1 ? [] : undefined;
    }
    const doc = await this.calendars().findOneAndUpdate(filter, update, {
      projection: { outbox: 1 },
      returnDocument: 'after',
    });
    return doc?.outbox;
  }

  /**
   * The collection without mongoose's query layer, for the hot path (a booking's read and its
   * conditional write): the documents are already in their stored form (`calendar-documents.ts`),
   * so mongoose's casting and cloning would only cost CPU. The schema still serves indexes and the
   * colder queries below.
   */
  private calendars() {
    return this.db.collection<CalendarDocument>('calendars');
  }

  async resourceIdOfBooking(bookingId: string): Promise<string | undefined> {
    const doc = await this.model.findOne({ 'bookings.id': bookingId }, { _id: 1 }).lean<{ _id: string }>();
    return doc?._id;
  }

  async resourceIdOfWaitEntry(entryId: string): Promise<string | undefined> {
    const doc = await this.model.findOne({ 'waitlist.id': entryId }, { _id: 1 }).lean<{ _id: string }>();
    return doc?._id;
  }

  async resourceIdOfSeries(seriesId: string): Promise<string | undefined> {
    const doc = await this.model
      .findOne({ 'bookings.seriesId': seriesId }, { _id: 1 })
      .lean<{ _id: string }>();
    return doc?._id;
  }

  async waitlistsOf(filter: { resourceId?: string; orgId?: string }): Promise<Calendar[]> {
    const query: Record<string, unknown> = { 'waitlist.0': { $exists: true } };
    if (filter.resourceId) query._id = filter.resourceId;
    if (filter.orgId) query['waitlist.consumerOrgId'] = filter.orgId;
    const docs = await this.model.find(query, { waitlist: 1 }).limit(500).lean<CalendarDocument[]>();
    return docs.map((d) => ({
      resourceId: d._id,
      version: d.version,
      bookings: [],
      waitlist: d.waitlist.map(fromStoredEntry),
    }));
  }

  async withFinishedBefore(cutoff: number): Promise<string[]> {
    const before = new Date(cutoff);
    const docs = await this.model
      .find({ $or: [{ 'bookings.end': { $lt: before } }, { 'waitlist.end': { $lt: before } }] }, { _id: 1 })
      .lean<{ _id: string }[]>();
    return docs.map((d) => d._id);
  }

  async dueForScan(now: number): Promise<string[]> {
    const at = new Date(now);
    const docs = await this.model
      .find(
        {
          $or: [
            { bookings: { $elemMatch: { status: 'held', expiresAt: { $lte: at } } } },
            {
              bookings: {
                $elemMatch: { status: 'confirmed', start: { $lte: at }, checkedInAt: { $exists: false } },
              },
            },
          ],
        },
        { _id: 1 },
      )
      .lean<{ _id: string }[]>();
    return docs.map((d) => d._id);
  }

  private async create(
    resourceId: string,
    bookings: StoredBooking[],
    waitlist: StoredWaitEntry[],
    change: CalendarChange,
    claim: Claim | undefined,
  ): Promise<OutboxEntry[] | undefined> {
    const document = withOutbox({ _id: resourceId, version: 1, bookings, waitlist }, change.events, claim);
    const [inserted] = await insertEachOnce(this.model, [document]);
    return inserted ? change.events : undefined;
  }
}

type Claim = ReturnType<MongoOutboxSource['claimInWrite']>;

/**
 * How long the relay's clean-up of a calendar it sent events from waits for the calendar's next
 * write to carry it (a busy calendar is written again well within it: one write per booking).
 */
const CLEAR_DELAY_MS = 1_000;
const CALENDAR_FIELDS = { version: 1, bookings: 1, waitlist: 1 } as const;
const MAX_OUTBOXES_KNOWN = 10_000;

function toCalendar(resourceId: string, doc: CalendarDocument | null | undefined): Calendar {
  return {
    resourceId,
    version: doc?.version ?? 0,
    bookings: (doc?.bookings ?? []).map(fromStoredBooking),
    waitlist: (doc?.waitlist ?? []).map(fromStoredEntry),
  };
}

/**
 * Where each put item goes: revised items replace their array slot (`field.i`, safe because the
 * write is conditional on the version the indexes were read at), new ones are appended. MongoDB
 * refuses `$set: { 'a.3' }` beside `$push: { a }`, so when both happen, or items are dropped, the
 * whole array is set. Only what is written is converted to its stored form (a calendar may hold a
 * thousand bookings; the common write appends one).
 */
interface Placements<S> {
  set: Record<string, unknown>;
  appended: S[];
}

function placements<T extends { id: string }, S>(
  current: T[],
  put: T[],
  field: string,
  dropped: Set<string>,
  stored: (item: T) => S,
): Placements<S> {
  const revised = new Map(put.map((p) => [p.id, p]));
  const index = new Map(current.map((c, i) => [c.id, i]));
  const added = put.filter((p) => !index.has(p.id));
  const replaced = put.filter((p) => index.has(p.id));
  if (current.some((c) => dropped.has(c.id)) || (replaced.length > 0 && added.length > 0)) {
    const kept = current.filter((c) => !dropped.has(c.id)).map((c) => revised.get(c.id) ?? c);
    return { set: { [field]: [...kept, ...added].map(stored) }, appended: [] };
  }
  const set: Record<string, unknown> = {};
  for (const item of replaced) set[`${field}.${index.get(item.id)}`] = stored(item);
  return { set, appended: added.map(stored) };
}
