import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '@labshare/logging';
import {
  insertEachOnce,
  mongoOutboxSource,
  outboxFields,
  updateEachIfMatched,
  withOutbox,
  WriteBatcher,
  type ConditionalUpdate,
  type MongoOutboxSource,
  type OutboxEntry,
} from '@labshare/mongo';
import type { OutboxSource, WrittenOutbox } from '@labshare/messaging';
import {
  occupantOf,
  type BookingState,
  type Calendar,
  type CalendarOccupancy,
  type Occupant,
} from '../domain/rules/booking-state';
import type { CalendarChange, CalendarStore } from '../domain/ports';
import { afterChange } from '../domain/rules/calendar-changes';
import { scanDueAt } from '../domain/rules/scan-due';
import {
  fromStoredBooking,
  fromStoredEntry,
  toStoredBooking,
  toStoredEntry,
  type StoredBooking,
  type StoredWaitEntry,
} from './calendar-documents';
import { CalendarWeekStore, type WeekDocument } from './calendar-week-store';
import {
  assemble,
  foldPlan,
  mergeNewest,
  weekOf,
  withoutOlderCopies,
  type HeadBooking,
} from './calendar-weeks';
import { KeyedQueue } from '@labshare/domain-kit';

/** A calendar's head document: what every decision reads and writes. */
interface HeadDocument {
  _id: string;
  version: number;
  bookings: HeadBooking[];
  waitlist: StoredWaitEntry[];
  /** The weeks (see `weekOf`) a fold has written bookings of this resource to. */
  weeks?: number[];
  /**
   * From when the scan must look at this calendar (`scanDueAt` of all its bookings, head and weeks),
   * null when never; set by every write that changes bookings. Absent on heads last written before
   * it existed, which the scan searches the old way.
   */
  dueAt?: Date | null;
  outbox?: OutboxEntry[];
}

/** Where a booking sits in the head array, and which other weeks may hold an older copy of it. */
type HeadEntry = { id: string; movedFrom?: number[] };

/** What this replica knows of a head it last read or wrote: enough to write it without reading it. */
interface KnownHead {
  version: number;
  bookings: HeadEntry[];
  /** The outbox at `version` after this replica's own write (later relays only removed from it). */
  outbox?: OutboxEntry[];
  /** The lowest version the calendar had the same bookings at: versions since then were folds. */
  sameSince?: number;
}

export interface CalendarRepositoryOptions {
  /** A head holding more bookings than this is folded into its week documents. */
  headBookings: number;
  logger: Pick<Logger, 'warn'>;
  /** Awaited before the relay sends a calendar's events (see `OutboxSource.beforeSend`). */
  beforeSend?: OutboxSource['beforeSend'];
}

/**
 * A calendar is stored as a bounded **head** document per resource (`calendars`: its version, its
 * waitlist, its outbox and the bookings changed recently) and **week** documents (`calendar_weeks`,
 * see CalendarWeekStore) holding the bookings a fold moved out of the head, by week of start.
 *
 * Every decision is one conditional update of the head on `{ _id, version }` (compare-and-set), so
 * it is atomic on a single server and on a sharded cluster alike (sharded by `_id`), without
 * transactions; and the write stays the size of the head however many bookings the calendar holds.
 * A change with events also claims the outbox for this process's relay in that same write. Writes of
 * different calendars made while one is in flight go together in the next (`updateEachIfMatched`:
 * each is still its own compare-and-set, refused or applied alone), so under load many decisions
 * share one round trip.
 *
 * **Folding** (in the background, when the head holds more than `headBookings`): each head booking is
 * merged into the week of its start (a week keeps the highest `version` of each booking; an older
 * copy left in another week by a reschedule is removed), and only then are the folded bookings pulled
 * from the head, where their `version` is still the folded one, bumping the head's version. A reader
 * reads the head and then the weeks it lists, and counts each booking in its highest version, so a
 * booking not in the head it read is already in a week it reads: a decision on head version v saw
 * every booking of v. Folds never change which bookings the calendar holds, only where they are
 * stored, so they need no lease: two folds of one calendar write the same merge.
 */
export class CalendarRepository implements CalendarStore {
  private readonly model;
  private readonly weeks: CalendarWeekStore;
  private readonly known = new Map<string, KnownHead>();
  /** A calendar's writes from this replica, one at a time (its commits and its folds' head writes). */
  private readonly writes = new KeyedQueue();
  private readonly folds = new Map<string, Promise<void>>();
  /** Compare-and-sets of different calendars made while one is in flight go together in the next. */
  private readonly headWrites = new WriteBatcher<ConditionalUpdate<HeadDocument>, boolean>((updates) =>
    updateEachIfMatched(this.heads(), updates),
  );
  readonly outboxSource: MongoOutboxSource;

  constructor(
    private readonly db: Connection,
    private readonly eventsWritten: (written: WrittenOutbox) => void,
    private readonly options: CalendarRepositoryOptions,
  ) {
    const schema = new mongoose.Schema(
      {
        _id: String,
        version: Number,
        bookings: [Object],
        waitlist: [Object],
        weeks: [Number],
        dueAt: Date,
        ...outboxFields,
      },
      { versionKey: false, strict: false },
    );
    this.model = db.model('Calendar', schema, 'calendars');
    this.weeks = new CalendarWeekStore(db);
    this.outboxSource = mongoOutboxSource(this.model, {
      clearDelayMs: CLEAR_DELAY_MS,
      beforeSend: options.beforeSend,
    });
  }

  async ensureIndexes(): Promise<void> {
    await this.model.collection.createIndex({ 'bookings.id': 1 });
    await this.model.collection.createIndex({ 'waitlist.id': 1 });
    await this.model.collection.createIndex({ dueAt: 1 });
    await this.weeks.ensureIndexes();
  }

  async load(resourceId: string): Promise<Calendar> {
    const head = await this.heads().findOne({ _id: resourceId }, { projection: HEAD_FIELDS });
    const weeks = await this.weeks.read(weeksOf(head));
    return this.toCalendar(resourceId, head, weeks);
  }

  /**
   * These resources' calendars as answers read them: heads and weeks are read with six fields of
   * each booking (of its eighteen or so), so a search over calendars not held sends and decodes a
   * third as much, on any MongoDB.
   */
  async occupancyOf(resourceIds: string[]): Promise<CalendarOccupancy[]> {
    const heads = await this.heads()
      .find({ _id: { $in: resourceIds } }, { projection: OCCUPANCY_FIELDS })
      .toArray();
    const weeksOfResource = new Map<string, StoredBooking[][]>();
    for (const week of await this.weeks.read(heads.flatMap(weeksOf), OCCUPANT_FIELDS))
      weeksOfResource.set(week.resource, [...(weeksOfResource.get(week.resource) ?? []), week.bookings]);
    const headOf = new Map(heads.map((h) => [h._id, h]));
    return resourceIds.map((id) => {
      const head = headOf.get(id);
      const bookings = assemble(head?.bookings ?? [], weeksOfResource.get(id) ?? []);
      return { resourceId: id, bookings: bookings.map(storedOccupant) };
    });
  }

  commit(calendar: Calendar, change: CalendarChange): Promise<Calendar | undefined> {
    return this.writes.run(calendar.resourceId, () => this.write(calendar, change));
  }

  /** Resolves when the folds running now have finished (a clean stop; tests). */
  async settled(): Promise<void> {
    while (this.folds.size > 0) await Promise.all(this.folds.values());
  }

  private async write(calendar: Calendar, change: CalendarChange): Promise<Calendar | undefined> {
    const id = calendar.resourceId;
    const version = this.sameAs(calendar);
    let known = version === 0 ? undefined : this.known.get(id);
    if (version !== 0 && known?.version !== version) {
      known = await this.readLayout(id);
      if (known?.version !== version) return undefined; // the compare-and-set would be refused
    }
    const after = afterChange(calendar, change);
    const dueAt = dueDate(after.bookings);
    const dropped = new Set([...(change.drop?.bookings ?? []), ...(change.drop?.entries ?? [])]);
    const head = headPlacements(calendar, known?.bookings ?? [], change.put, dropped);
    if (!head) return undefined; // the calendar given is not the one the head is of: decided again
    const waitlist = placements(calendar.waitlist, change.waitlist, 'waitlist', dropped, toStoredEntry);
    const emptied = change.drop ? await this.dropFromWeeks(calendar, known?.bookings ?? [], dropped) : [];
    const claim = change.events.length > 0 ? this.outboxSource.claimInWrite(id) : undefined;
    // This replica made the write this one is conditional on, so it knows the outbox at that version
    // (later relays only removed events from it): the write sets it, without the events relayed since.
    const kept =
      claim && known?.outbox ? known.outbox.filter((e) => !claim.relayed.has(e.event.id)) : undefined;
    const outbox =
      version === 0
        ? await this.create(
            id,
            { bookings: head.appended, waitlist: waitlist.appended, dueAt },
            change,
            claim,
          )
        : await this.update(id, version, { head, waitlist, emptied, dueAt }, change, claim, kept);
    if (outbox === undefined) return undefined; // what is known of the version it was refused on still holds
    if (claim && kept) claim.carried();
    this.remember(id, { version: version + 1, bookings: head.layout, ...(claim ? { outbox } : {}) }, true);
    if (claim) this.eventsWritten(claim.written(outbox, change.events));
    await this.weeks.deleteIfEmpty(id, emptied);
    if (head.layout.length > this.options.headBookings) this.foldLater(id);
    return { ...after, version: version + 1 };
  }

  /**
   * The version to write `calendar` at: its own, or a later one this replica knows only re-stored
   * the same bookings (its own fold), so a copy held from before a fold is still written at once.
   */
  private sameAs(calendar: Calendar): number {
    const known = this.known.get(calendar.resourceId);
    const since = known?.sameSince;
    return since !== undefined && calendar.version >= since && calendar.version < known!.version
      ? known!.version
      : calendar.version;
  }

  /**
   * The document's pending events after the write (none asked for without a claim); undefined = not
   * written. With `kept`, the outbox is set to those and the new events instead of appended to, and
   * the write goes in a batch; without it, a claim's write returns the outbox and goes alone.
   */
  private async update(
    id: string,
    version: number,
    parts: {
      head: HeadPlacements;
      waitlist: Placements<StoredWaitEntry>;
      emptied: number[];
      dueAt: Date | null;
    },
    change: CalendarChange,
    claim: Claim | undefined,
    kept: OutboxEntry[] | undefined,
  ): Promise<OutboxEntry[] | undefined> {
    const { head, waitlist, emptied, dueAt } = parts;
    const set = {
      dueAt,
      ...head.set,
      ...waitlist.set,
      ...claim?.set,
      ...(kept ? { outbox: [...kept, ...change.events] } : {}),
    };
    const push = {
      ...(head.appended.length ? { bookings: { $each: head.appended } } : {}),
      ...(waitlist.appended.length ? { waitlist: { $each: waitlist.appended } } : {}),
      ...(change.events.length && !kept ? { outbox: { $each: change.events } } : {}),
    };
    const update = {
      $inc: { version: 1 },
      ...(Object.keys(set).length ? { $set: set } : {}),
      ...(Object.keys(push).length ? { $push: push } : {}),
      ...(emptied.length ? { $pull: { weeks: { $in: emptied } } } : {}),
    };
    const filter = { _id: id, version };
    const after = claim ? kept && [...kept, ...change.events] : [];
    if (after) return (await this.headWrites.add({ filter, update })) ? after : undefined;
    const doc = await this.heads().findOneAndUpdate(filter, update, {
      projection: { outbox: 1 },
      returnDocument: 'after',
    });
    return doc?.outbox;
  }

  /**
   * Takes dropped bookings (finished, already in the projection) out of every week holding a copy,
   * before the head write drops them there: a booking is never left only in a week once the head no
   * longer has it. The weeks are where each booking should be (its start's, those it moved from, and
   * a fold may be writing one not listed yet) and every listed week found holding it: a copy a fold
   * wrote while another fold or a move overtook it would otherwise outlive the drop and answer again,
   * at its old version. Returns the weeks this left empty, for the head to stop listing. If the head
   * write is then refused, the copies stay removed, which is what the retried prune wants anyway.
   */
  private async dropFromWeeks(
    calendar: Calendar,
    head: HeadEntry[],
    dropped: Set<string>,
  ): Promise<number[]> {
    const inHead = new Map(head.map((h) => [h.id, h]));
    const weeks = new Set<number>();
    for (const booking of calendar.bookings.filter((b) => dropped.has(b.id)))
      for (const week of [weekOf(booking.start), ...(inHead.get(booking.id)?.movedFrom ?? [])])
        weeks.add(week);
    const listed = await this.heads().findOne({ _id: calendar.resourceId }, { projection: { weeks: 1 } });
    for (const held of await this.weeks.read(weeksOf(listed), ['id']))
      if (held.bookings.some((b) => dropped.has(b.id))) weeks.add(held.week);
    const emptied: number[] = [];
    for (const week of weeks) {
      const left = await this.weeks.edit(
        calendar.resourceId,
        week,
        (bs) => bs.filter((b) => !dropped.has(b.id)),
        false,
      );
      if (left === 0) emptied.push(week);
    }
    return emptied;
  }

  /** Starts folding the calendar unless a fold of it from this replica is running already. */
  private foldLater(resourceId: string): void {
    if (this.folds.has(resourceId)) return;
    const fold = this.fold(resourceId)
      .catch((error: unknown) =>
        this.options.logger.warn(
          { err: error, resourceId },
          'calendar fold failed; the next write tries again',
        ),
      )
      .finally(() => this.folds.delete(resourceId));
    this.folds.set(resourceId, fold);
  }

  /** Folds the head, and again while writes made during a fold (which start none) left it too full. */
  private async fold(resourceId: string): Promise<void> {
    for (let round = 0; round < MAX_FOLD_ROUNDS; round++) {
      const head = await this.heads().findOne({ _id: resourceId }, { projection: { bookings: 1 } });
      if (!head || head.bookings.length <= this.options.headBookings) return;
      const plan = foldPlan(head.bookings);
      for (const [week, bookings] of plan.into)
        await this.weeks.edit(resourceId, week, (bs) => mergeNewest(bs, bookings), true);
      for (const [week, moved] of plan.outOf)
        await this.weeks.edit(resourceId, week, (bs) => withoutOlderCopies(bs, moved), false);
      const left = await this.writes.run(resourceId, () =>
        this.pullFolded(resourceId, head.bookings, [...plan.into.keys()]),
      );
      await this.dropCopiesOfRevised(
        resourceId,
        head.bookings.filter((b) => left.has(b.id)),
      );
    }
  }

  /**
   * A booking revised while a fold ran stays in the head, newer than the copy the fold just wrote
   * into the week of the version it read. Its head entry does not list that week (its writer did not
   * know of the copy), so no later fold or drop would remove it: it goes now, and the head's newer
   * version answers meanwhile.
   */
  private async dropCopiesOfRevised(resourceId: string, revised: HeadBooking[]): Promise<void> {
    const byWeek = new Map<number, { id: string; version: number }[]>();
    for (const booking of revised) {
      const week = weekOf(booking.start);
      byWeek.set(week, [...(byWeek.get(week) ?? []), { id: booking.id, version: booking.version + 1 }]);
    }
    for (const [week, copies] of byWeek)
      await this.weeks.edit(resourceId, week, (bs) => withoutOlderCopies(bs, copies), false);
  }

  /**
   * Pulls the folded bookings from the head, each only if its `version` is still the folded one (a
   * booking revised since stays, newer than its week's copy), lists their weeks, and bumps the
   * version: a writer that placed items by position in the head before this is refused. Returns the
   * ids the head holds after.
   */
  private async pullFolded(resourceId: string, folded: HeadBooking[], weeks: number[]): Promise<Set<string>> {
    const after = await this.heads().findOneAndUpdate(
      { _id: resourceId },
      {
        // the driver's types know no `$or` inside `$pull`; MongoDB does (a condition on the elements)
        $pull: { bookings: { $or: folded.map((b) => ({ id: b.id, version: b.version })) } as never },
        $addToSet: { weeks: { $each: weeks } },
        $inc: { version: 1 },
      },
      { projection: LAYOUT_FIELDS, returnDocument: 'after' },
    );
    if (!after) return new Set();
    const known = this.known.get(resourceId);
    const onlyFolded = known?.version === after.version - 1;
    this.remember(
      resourceId,
      {
        version: after.version,
        bookings: after.bookings.map(entryOf),
        ...(onlyFolded && known.outbox ? { outbox: known.outbox } : {}),
        ...(onlyFolded ? { sameSince: known.sameSince ?? known.version } : {}),
      },
      true,
    );
    return new Set(after.bookings.map((b) => b.id));
  }

  /** The head's version and the ids in its bookings array, read when this replica does not know them. */
  private async readLayout(resourceId: string): Promise<KnownHead | undefined> {
    const head = await this.heads().findOne({ _id: resourceId }, { projection: LAYOUT_FIELDS });
    if (!head) return undefined;
    const known = { version: head.version, bookings: head.bookings.map(entryOf) };
    this.remember(resourceId, known, false);
    return known;
  }

  /**
   * Keeps what is known of a head, the most recently used last and at most MAX_HEADS_KNOWN of them.
   * A read never replaces what is known of the same or a later version (a slow read finishing after
   * a write); a write always does.
   */
  private remember(resourceId: string, head: KnownHead, written: boolean): void {
    const known = this.known.get(resourceId);
    if (!written && known && known.version >= head.version) return;
    this.known.delete(resourceId);
    this.known.set(resourceId, head);
    if (this.known.size > MAX_HEADS_KNOWN) this.known.delete(this.known.keys().next().value!);
  }

  private toCalendar(
    resourceId: string,
    head: HeadDocument | null | undefined,
    weeks: WeekDocument[],
  ): Calendar {
    if (head)
      this.remember(resourceId, { version: head.version, bookings: head.bookings.map(entryOf) }, false);
    return {
      resourceId,
      version: head?.version ?? 0,
      bookings: assemble(
        head?.bookings ?? [],
        weeks.map((w) => w.bookings),
      ).map(fromStoredBooking),
      waitlist: (head?.waitlist ?? []).map(fromStoredEntry),
    };
  }

  /**
   * The collection without mongoose's query layer, for the hot path (a booking's read and its
   * conditional write): the documents are already in their stored form (`calendar-documents.ts`),
   * so mongoose's casting and cloning would only cost CPU. The schema still serves indexes and the
   * colder queries below.
   */
  private heads() {
    return this.db.collection<HeadDocument>('calendars');
  }

  async resourceIdOfBooking(bookingId: string): Promise<string | undefined> {
    return this.resourceWith({ 'bookings.id': bookingId });
  }

  async resourceIdOfWaitEntry(entryId: string): Promise<string | undefined> {
    const doc = await this.model.findOne({ 'waitlist.id': entryId }, { _id: 1 }).lean<{ _id: string }>();
    return doc?._id;
  }

  async resourceIdOfSeries(seriesId: string): Promise<string | undefined> {
    return this.resourceWith({ 'bookings.seriesId': seriesId });
  }

  async waitlistsOf(filter: { resourceId?: string; orgId?: string }): Promise<Calendar[]> {
    const query: Record<string, unknown> = { 'waitlist.0': { $exists: true } };
    if (filter.resourceId) query._id = filter.resourceId;
    if (filter.orgId) query['waitlist.consumerOrgId'] = filter.orgId;
    const docs = await this.model.find(query, { waitlist: 1 }).limit(500).lean<HeadDocument[]>();
    return docs.map((d) => ({
      resourceId: d._id,
      version: d.version,
      bookings: [],
      waitlist: d.waitlist.map(fromStoredEntry),
    }));
  }

  async withFinishedBefore(cutoff: number): Promise<string[]> {
    const before = new Date(cutoff);
    const heads = await this.resourcesWith({
      $or: [{ 'bookings.end': { $lt: before } }, { 'waitlist.end': { $lt: before } }],
    });
    return union(heads, await this.weeks.resourcesWith({ 'bookings.end': { $lt: before } }));
  }

  /**
   * The calendars whose `dueAt` has come: one indexed range on the heads, whatever the calendars
   * hold. A calendar may be found with nothing to change yet (a confirmed booking is due from its
   * start, its no-show from start + grace): the scan reads it and changes nothing.
   */
  async dueForScan(now: number): Promise<string[]> {
    const at = new Date(now);
    return union(await this.resourcesWith({ dueAt: { $lte: at } }), await this.dueUnmarked(at));
  }

  /**
   * Heads last written before they carried `dueAt` (one stays so until its calendar next changes),
   * searched by their bookings, in the head and in the weeks. A week may still hold the older copy
   * of a booking revised since (in the head until the next fold), so a resource found here may have
   * nothing due.
   */
  private async dueUnmarked(at: Date): Promise<string[]> {
    const unmarked = await this.resourcesWith({ dueAt: { $exists: false } });
    if (unmarked.length === 0) return [];
    const due = {
      $or: [
        { bookings: { $elemMatch: { status: 'held', expiresAt: { $lte: at } } } },
        {
          bookings: {
            $elemMatch: { status: 'confirmed', start: { $lte: at }, checkedInAt: { $exists: false } },
          },
        },
      ],
    };
    return union(
      await this.resourcesWith({ _id: { $in: unmarked }, ...due }),
      await this.weeks.resourcesWith({ resource: { $in: unmarked }, ...due }),
    );
  }

  /** The resource whose head or weeks hold a booking matching `filter`. */
  private async resourceWith(filter: Record<string, unknown>): Promise<string | undefined> {
    const head = await this.model.findOne(filter, { _id: 1 }).lean<{ _id: string }>();
    return head?._id ?? (await this.weeks.resourcesWith(filter))[0];
  }

  private async resourcesWith(filter: Record<string, unknown>): Promise<string[]> {
    const docs = await this.model.find(filter, { _id: 1 }).lean<{ _id: string }[]>();
    return docs.map((d) => d._id);
  }

  private async create(
    resourceId: string,
    parts: { bookings: HeadBooking[]; waitlist: StoredWaitEntry[]; dueAt: Date | null },
    change: CalendarChange,
    claim: Claim | undefined,
  ): Promise<OutboxEntry[] | undefined> {
    const document = withOutbox({ _id: resourceId, version: 1, ...parts, weeks: [] }, change.events, claim);
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
const HEAD_FIELDS = { version: 1, bookings: 1, waitlist: 1, weeks: 1 } as const;
/** What an availability answer reads of a stored booking (see `Occupant`). */
const OCCUPANT_FIELDS = ['id', 'version', 'status', 'start', 'end', 'quantity'] as const;
const OCCUPANCY_FIELDS = {
  weeks: 1,
  ...Object.fromEntries(OCCUPANT_FIELDS.map((field) => [`bookings.${field}`, 1])),
};
const LAYOUT_FIELDS = { version: 1, 'bookings.id': 1, 'bookings.movedFrom': 1 } as const;
const MAX_HEADS_KNOWN = 10_000;
const MAX_FOLD_ROUNDS = 3;

const entryOf = (b: { id: string; movedFrom?: number[] }): HeadEntry =>
  b.movedFrom === undefined ? { id: b.id } : { id: b.id, movedFrom: b.movedFrom };

const storedOccupant = (b: StoredBooking): Occupant =>
  occupantOf({ ...b, start: b.start.getTime(), end: b.end.getTime() });

const weeksOf = (head: HeadDocument | null) =>
  (head?.weeks ?? []).map((week) => ({ resource: head!._id, week }));

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

const dueDate = (bookings: BookingState[]): Date | null => {
  const at = scanDueAt(bookings);
  return at === undefined ? null : new Date(at);
};

interface Placements<S> {
  set: Record<string, unknown>;
  appended: S[];
}

interface HeadPlacements extends Placements<HeadBooking> {
  /** The head's bookings array after the write. */
  layout: HeadEntry[];
}

/**
 * Where each put booking goes in the head: a booking already there is replaced in its slot
 * (`bookings.i`, safe because the write is conditional on the version the layout is of), any other
 * is appended; `movedFrom` gains the week of its previous start when it moves to another week (a
 * copy of it may be there, from an earlier fold or one running now).
 * When bookings are dropped from the head, or replaced and appended at once (MongoDB refuses
 * `$set: { 'a.3' }` beside `$push: { a }`), the whole head array is set: its bookings are the
 * calendar's own (the head holds the newest copy of each booking it has); undefined if the calendar
 * lacks one of them (it is not the calendar the layout is of).
 */
function headPlacements(
  calendar: Calendar,
  head: HeadEntry[],
  put: BookingState[],
  dropped: Set<string>,
): HeadPlacements | undefined {
  const before = new Map(calendar.bookings.map((b) => [b.id, b]));
  const index = new Map(head.map((h, i) => [h.id, i]));
  const stored = (booking: BookingState): HeadBooking => {
    const at = index.get(booking.id);
    const earlier = at === undefined ? [] : (head[at]!.movedFrom ?? []);
    const from = before.has(booking.id) ? weekOf(before.get(booking.id)!.start) : weekOf(booking.start);
    const movedFrom = from === weekOf(booking.start) || earlier.includes(from) ? earlier : [...earlier, from];
    const item = toStoredBooking(booking);
    return movedFrom.length === 0 ? item : { ...item, movedFrom };
  };
  const added = put.filter((p) => !index.has(p.id)).map(stored);
  const replaced = put.filter((p) => index.has(p.id));
  if (head.some((h) => dropped.has(h.id)) || (replaced.length > 0 && added.length > 0)) {
    // The head is rewritten from the calendar: one missing a booking of the head would drop it.
    if (head.some((h) => !before.has(h.id))) return undefined;
    const revised = new Map(put.map((p) => [p.id, p]));
    const kept = head
      .filter((h) => !dropped.has(h.id))
      .map((h) => stored(revised.get(h.id) ?? before.get(h.id)!));
    const bookings = [...kept, ...added];
    return { set: { bookings }, appended: [], layout: bookings.map(entryOf) };
  }
  const set: Record<string, unknown> = {};
  const layout = [...head];
  for (const booking of replaced) {
    const at = index.get(booking.id)!;
    const item = stored(booking);
    set[`bookings.${at}`] = item;
    layout[at] = entryOf(item);
  }
  return { set, appended: added, layout: [...layout, ...added.map(entryOf)] };
}

/**
 * Where each put waitlist entry goes: revised entries replace their array slot, new ones are
 * appended; when both happen, or entries are dropped, the whole array is set (as for the head).
 */
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
