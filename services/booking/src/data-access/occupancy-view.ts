import { createHash } from 'node:crypto';
import type { Logger } from '@labshare/logging';
import type { CalendarOccupancy, Occupant } from '../domain/rules/booking-state';
import { keepRecent } from './keep-recent';

/**
 * How many calendars one background read fetches: small enough that a search's read arriving while
 * one is under way waits little behind it (a batch is read while no search reads).
 */
const PREFETCH_BATCH = 25;

export interface OccupancyViewOptions {
  /** How far behind other replicas' writes an answer may be (`CALENDAR_CACHE_MS`). */
  maxAgeMs: number;
  /** How many calendars are held; the least recently used (read or answered from) go first. */
  maxEntries: number;
  /**
   * How long a calendar is kept current from events alone before it is read again: a bound on
   * what a change answers read, made without an event, could leave wrong (there is none today).
   */
  rereadMs: number;
  logger: Pick<Logger, 'warn'>;
}

interface Held {
  /** When the read it started from was issued. */
  readAt: number;
  /** From when a search answered from it has it read again in the background (`dueAfter`). */
  dueAt: number;
  bookings: Map<string, Occupant>;
  /** `bookings` as the answer's list, made again after a change. */
  list?: Occupant[];
}

/**
 * What searches read of calendars (`CalendarOccupancy`), held in this replica's memory and kept
 * current from booking's own events: every change of a booking's status, times or units raises one
 * with the booking's snapshot, and each booking is kept at its highest version, so events applied
 * twice, late or out of order change nothing.
 *
 * A held calendar reflects every booking whose event was published before the later of its read and
 * the last instant up to which the events are known applied (`caughtUp`, reported by the consumer).
 * It answers while that instant is less than `maxAgeMs` ago, the same bound as a calendar held
 * without events; so while the consumer keeps up, a search reads nothing, and when it falls behind
 * (or the broker is away) calendars are read again as they age. Events heard while a read is under
 * way are applied to what it returns, so none falls between the read and the events. A booking
 * whose event is still in its outbox (its replica died between the write and the relay) shows once
 * the relay's sweep publishes it. Answers are advice either way: bookings are decided on the stored
 * calendar.
 */
export class OccupancyView {
  private readonly held = new Map<string, Held>();
  /** For each read under way, the events heard meanwhile about the resources it reads. */
  private readonly reading = new Set<Map<string, Occupant[]>>();
  private caughtUpAt = -Infinity;
  /** Calendars to read in the background (`prefetch`), and whether that is under way. */
  private readonly queued = new Set<string>();
  private prefetching = false;
  /** Reads on a search's path under way; the background waits while there are any. */
  private searchReads = 0;
  private searchesIdle?: { done: Promise<void>; resolve: () => void };

  constructor(
    private readonly read: (resourceIds: string[]) => Promise<CalendarOccupancy[]>,
    private readonly options: OccupancyViewOptions,
  ) {}

  /**
   * In the order asked: held calendars current enough, and one read of the others. A held calendar
   * due to be read again (`dueAfter`) is read in the background, so a calendar searched often is
   * never read on a search's path once held.
   */
  async occupancyOf(resourceIds: string[]): Promise<CalendarOccupancy[]> {
    const found = new Map<string, CalendarOccupancy>();
    const now = Date.now();
    for (const resourceId of resourceIds) {
      const held = this.held.get(resourceId);
      if (!held || !this.answers(held, now)) continue;
      // Now the most recently used: what a scan of more calendars than are held drops is what it
      // used longest ago, not what the scan itself is about to answer from.
      this.held.delete(resourceId);
      this.held.set(resourceId, held);
      found.set(resourceId, { resourceId, bookings: listOf(held) });
      if (now >= held.dueAt) this.prefetch([resourceId]);
    }
    const missing = resourceIds.filter((id) => !found.has(id));
    if (missing.length > 0) {
      this.searchReads++;
      try {
        for (const [resourceId, held] of await this.readAndKeep(missing))
          found.set(resourceId, { resourceId, bookings: listOf(held) });
      } finally {
        if (--this.searchReads === 0) {
          this.searchesIdle?.resolve();
          this.searchesIdle = undefined;
        }
      }
    }
    return resourceIds.map((id) => found.get(id)!);
  }

  /**
   * Reads these calendars in the background, a batch at a time, so that the first search of them is
   * answered from memory: each resource as this replica hears of it (at start, every one), and a
   * held calendar due to be read again. Never beyond `maxEntries`. Best effort: a calendar this
   * fails to read is read when it is searched.
   */
  prefetch(resourceIds: string[]): void {
    const now = Date.now();
    for (const id of resourceIds) {
      const held = this.held.get(id);
      const due = !held || now >= held.dueAt;
      if (due && !this.beingRead(id)) this.queued.add(id);
    }
    if (!this.prefetching && this.queued.size > 0) void this.readQueued();
  }

  /** Bookings of a resource as an event (or this replica's own write) says they are now. */
  heard(resourceId: string, bookings: Occupant[]): void {
    const held = this.held.get(resourceId);
    if (held) {
      for (const booking of bookings) if (keepNewest(held.bookings, booking)) held.list = undefined;
    }
    for (const heard of this.reading) heard.get(resourceId)?.push(...bookings);
  }

  /** Every booking event published before `at` has been heard. */
  caughtUp(at: number): void {
    this.caughtUpAt = Math.max(this.caughtUpAt, at);
  }

  private async readQueued(): Promise<void> {
    this.prefetching = true;
    try {
      while (this.queued.size > 0) {
        await this.noSearchReading();
        const taken: string[] = [];
        for (const id of this.queued) if (taken.push(id) === PREFETCH_BATCH) break;
        for (const id of taken) this.queued.delete(id);
        let room = this.options.maxEntries - this.held.size;
        const batch = taken.filter((id) => this.held.has(id) || room-- > 0);
        if (batch.length === 0) continue;
        try {
          await this.readAndKeep(batch);
        } catch (error) {
          this.options.logger.warn({ err: error, calendars: batch.length }, 'calendars not read ahead');
        }
      }
    } finally {
      this.prefetching = false;
    }
  }

  /**
   * Resolves once no search is reading, a turn of the event loop after the last read ended: a search
   * reads its batches one after another, and the background waits for the run, not for one read.
   * Under searches that miss back to back it waits on; what it would have read is then read on the
   * searches' paths as they need it, as without the background.
   */
  private async noSearchReading(): Promise<void> {
    await nextTurn();
    while (this.searchReads > 0) {
      if (!this.searchesIdle) {
        let resolve!: () => void;
        const done = new Promise<void>((settle) => (resolve = settle));
        this.searchesIdle = { done, resolve };
      }
      await this.searchesIdle.done;
      await nextTurn();
    }
  }

  private beingRead(resourceId: string): boolean {
    for (const heard of this.reading) if (heard.has(resourceId)) return true;
    return false;
  }

  /** Reads these calendars, applies the events heard meanwhile, and holds them. */
  private async readAndKeep(resourceIds: string[]): Promise<Map<string, Held>> {
    const heard = new Map(resourceIds.map((id) => [id, [] as Occupant[]]));
    this.reading.add(heard);
    const readAt = Date.now();
    const read = new Map<string, Held>();
    try {
      for (const occupancy of await this.read(resourceIds)) {
        const held: Held = {
          readAt,
          dueAt: readAt + this.dueAfter(occupancy.resourceId),
          bookings: new Map(occupancy.bookings.map((b) => [b.id, b])),
        };
        for (const booking of heard.get(occupancy.resourceId) ?? []) keepNewest(held.bookings, booking);
        this.keep(occupancy.resourceId, held);
        read.set(occupancy.resourceId, held);
      }
    } finally {
      this.reading.delete(heard);
    }
    return read;
  }

  /**
   * How long after its read a held calendar is due to be read again: between half and three
   * quarters of the re-read bound, spread by its id. Calendars read together (at start, or by one
   * search) then come due over a quarter of the bound as they are searched, not all in one search.
   */
  private dueAfter(resourceId: string): number {
    return this.options.rereadMs * (0.5 + 0.25 * fraction(resourceId));
  }

  private answers(held: Held, now: number): boolean {
    return (
      now - Math.max(held.readAt, this.caughtUpAt) < this.options.maxAgeMs &&
      now - held.readAt < this.options.rereadMs
    );
  }

  /**
   * Keeps the later read of a calendar, and drops from the oldest end what is due to be read again
   * anyway, or beyond `maxEntries`.
   */
  private keep(resourceId: string, held: Held): void {
    const before = this.held.get(resourceId);
    if (before && before.readAt > held.readAt) return;
    const now = Date.now();
    keepRecent(this.held, resourceId, held, {
      max: this.options.maxEntries,
      stale: (entry) => now - entry.readAt >= this.options.rereadMs,
    });
  }
}

/** Keeps `booking` unless a version as high is there; whether it was kept. */
function keepNewest(bookings: Map<string, Occupant>, booking: Occupant): boolean {
  const known = bookings.get(booking.id);
  if (known && known.version >= booking.version) return false;
  bookings.set(booking.id, booking);
  return true;
}

/** A fraction in [0, 1) that a string always gets (from its SHA-256). */
function fraction(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;
}

const nextTurn = () => new Promise((next) => setImmediate(next));

function listOf(held: Held): Occupant[] {
  held.list ??= [...held.bookings.values()];
  return held.list;
}
