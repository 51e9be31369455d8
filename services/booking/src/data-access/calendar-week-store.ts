import mongoose, { type Connection } from 'mongoose';
import { insertEachOnce } from '@labshare/mongo';
import type { StoredBooking } from './calendar-documents';
import { weekDocumentId } from './calendar-weeks';

export interface WeekDocument {
  _id: string;
  resource: string;
  week: number;
  /** Bumped by every write: a week is edited by compare-and-set on it, like the head. */
  version: number;
  bookings: StoredBooking[];
}

/** How many times an edit of one week is tried against other writers of it before it gives up. */
const EDIT_ATTEMPTS = 20;
/** What the edits of a week look at: each booking's id and version. */
const KEYS_ONLY = { version: 1, 'bookings.id': 1, 'bookings.version': 1 } as const;

type WeekChange = {
  $set?: Record<string, unknown>;
  $push?: Record<string, unknown>;
  $pull?: Record<string, unknown>;
};

/**
 * The update that turns `current` into `next` when it is one kind of change: bookings appended
 * (`$push`), replaced in their slots (`$set` of `bookings.i`), or left out (`$pull` of their `id`
 * and `version`); undefined when it is more than one, which MongoDB cannot do to one array in one
 * update. An item of `next` that is an item of `current` (the same object) is unchanged; the
 * positions hold because the write is conditional on the version `current` was read at.
 */
export function weekDelta(current: StoredBooking[], next: StoredBooking[]): WeekChange | undefined {
  const at = new Map(current.map((b, i) => [b, i]));
  if (next.length >= current.length && current.every((b, i) => next[i] === b))
    return { $push: { bookings: { $each: next.slice(current.length) } } };
  if (next.length === current.length && next.every((b, i) => b === current[i] || !at.has(b))) {
    const slots = next.flatMap((b, i) => (b === current[i] ? [] : [[`bookings.${i}`, b]]));
    return { $set: Object.fromEntries(slots) };
  }
  const inOrder = next.every((b, i) => at.has(b) && (i === 0 || at.get(b)! > at.get(next[i - 1]!)!));
  if (!inOrder) return undefined;
  const left = new Set(next);
  const pulled = current.filter((b) => !left.has(b)).map((b) => ({ id: b.id, version: b.version }));
  return { $pull: { bookings: { $or: pulled } } };
}

/**
 * The week documents of the calendars (`calendar_weeks`): bookings a fold moved out of a head, one
 * document per resource and week of start. Only folds and the prune write them, each by
 * compare-and-set on the week's own `version`; decisions never do (see CalendarRepository).
 */
export class CalendarWeekStore {
  private readonly model;

  constructor(private readonly db: Connection) {
    const schema = new mongoose.Schema(
      { _id: String, resource: String, week: Number, version: Number, bookings: [Object] },
      { versionKey: false, strict: false },
    );
    this.model = db.model('CalendarWeek', schema, 'calendar_weeks');
  }

  async ensureIndexes(): Promise<void> {
    await this.model.collection.createIndex({ 'bookings.id': 1 });
  }

  /**
   * The week documents of these resources' weeks that exist (a week deleted when emptied is absent);
   * of their bookings, only the fields `bookingFields` names if it is given.
   */
  async read(
    weeks: { resource: string; week: number }[],
    bookingFields?: readonly string[],
  ): Promise<WeekDocument[]> {
    if (weeks.length === 0) return [];
    const ids = weeks.map((w) => weekDocumentId(w.resource, w.week));
    const bookings = bookingFields
      ? Object.fromEntries(bookingFields.map((field) => [`bookings.${field}`, 1]))
      : { bookings: 1 };
    const docs = await this.weeks()
      .find({ _id: { $in: ids } }, { projection: { resource: 1, week: 1, ...bookings } })
      .toArray();
    return docs.sort((a, b) => a.week - b.week);
  }

  /**
   * Edits one week's bookings as `edit` says, by compare-and-set on the week's version (read, edit,
   * write if unchanged, else again). A missing week is created only when `create` (a fold); nothing
   * is written when the edit changes nothing. Returns how many bookings the week holds after.
   *
   * The week is read with each booking's `id` and `version` only, so `edit` must decide by those
   * (merge the newest, drop older copies, drop by id). The write sends only what changed
   * (`weekDelta`): bookings appended, replaced in their slot, or pulled. An edit that does more than
   * one of these reads the week whole and sets it whole. A fold into a week of a few hundred
   * bookings so sends the folded ones and reads two fields of the others, not the whole week.
   */
  async edit(
    resource: string,
    week: number,
    edit: (bookings: StoredBooking[]) => StoredBooking[],
    create: boolean,
  ): Promise<number> {
    const _id = weekDocumentId(resource, week);
    for (let attempt = 0; attempt < EDIT_ATTEMPTS; attempt++) {
      const doc = await this.weeks().findOne({ _id }, { projection: KEYS_ONLY });
      const current = doc?.bookings ?? [];
      const next = edit(current);
      if (next.length === current.length && next.every((b, i) => b === current[i])) return next.length;
      if (!doc) {
        if (!create) return 0;
        const [inserted] = await insertEachOnce(this.model, [
          { _id, resource, week, version: 1, bookings: next },
        ]);
        if (inserted) return next.length;
        continue;
      }
      const change = weekDelta(current, next) ?? (await this.wholeWeek(_id, doc.version, edit));
      if (change === undefined) continue; // the week moved on between the two reads
      const written = await this.weeks().updateOne(
        { _id, version: doc.version },
        { ...change, $inc: { version: 1 } },
      );
      if (written.modifiedCount === 1) return next.length;
    }
    throw new Error(`calendar week ${_id}: still contended after ${EDIT_ATTEMPTS} attempts`);
  }

  /** The week's bookings set whole, as `edit` leaves them, if the week is still at `version`. */
  private async wholeWeek(
    _id: string,
    version: number,
    edit: (bookings: StoredBooking[]) => StoredBooking[],
  ): Promise<WeekChange | undefined> {
    const doc = await this.weeks().findOne({ _id, version }, { projection: { bookings: 1 } });
    return doc ? { $set: { bookings: edit(doc.bookings) } } : undefined;
  }

  /** Deletes these weeks if they are still empty (a fold may have filled one again since). */
  async deleteIfEmpty(resource: string, weeks: number[]): Promise<void> {
    if (weeks.length === 0) return;
    await this.weeks().deleteMany({
      _id: { $in: weeks.map((w) => weekDocumentId(resource, w)) },
      bookings: { $size: 0 },
    });
  }

  /** The resources whose weeks hold a booking matching `filter` (a query on `bookings`). */
  async resourcesWith(filter: Record<string, unknown>): Promise<string[]> {
    const docs = await this.model.find(filter, { resource: 1 }).lean<{ resource: string }[]>();
    return [...new Set(docs.map((d) => d.resource))];
  }

  /** The collection without mongoose's query layer, as for the heads (the documents are stored forms). */
  private weeks() {
    return this.db.collection<WeekDocument>('calendar_weeks');
  }
}
