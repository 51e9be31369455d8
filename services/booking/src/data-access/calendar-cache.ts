import type { CalendarChange, CalendarNews, CalendarStore } from '../domain/ports';
import { occupantOf, type Calendar, type Occupant } from '../domain/rules/booking-state';
import { keepRecent } from './keep-recent';
import type { OccupancyView } from './occupancy-view';

export interface CalendarCacheOptions {
  /** How old (since its read or write was issued) a held calendar may be and still answer. */
  maxAgeMs: number;
  /**
   * How long a calendar is held for decisions, which take a held copy of any age: their write is
   * conditional on its version. From `maxAgeMs` on it no longer answers.
   */
  holdMs: number;
  /** How many calendars are held; the least recently used go first. */
  maxEntries: number;
  /**
   * How many bookings the held calendars may hold together, the bound on their memory (a held
   * booking is ~2.3 kB of heap); the least recently used calendars go first.
   */
  maxBookings: number;
}

interface Held {
  calendar: Calendar;
  /** When the read or write that produced it was issued (so its age is never understated). */
  at: number;
}

/**
 * Calendars held in this replica's memory, in front of the calendar documents. A held calendar is
 * never trusted for a decision: the write is conditional on its version, so if another replica
 * changed the calendar meanwhile the write is refused, the entry dropped, and `changeCalendar` reads
 * the document and decides again. So a decision takes a held copy of any age (`toDecide`), kept for
 * `holdMs`: a booking is one round trip (the conditional write) on a calendar this replica used in
 * the last minutes, not only in the last second, and a calendar booked a few times an hour is not
 * read again (its head, then its weeks) for each booking. Another replica's booking, heard from its
 * event (`heard`), drops a held copy that lacks it, so its next decision reads rather than being
 * refused. An availability answer is read from a held copy at most `maxAgeMs` old, so it is at most
 * that far behind other replicas' writes (this replica's own are held at once). What searches read
 * (`occupancyOf`) comes from an `OccupancyView`, told of this replica's writes and of what it hears.
 */
export class CalendarCache implements CalendarStore, CalendarNews {
  private readonly held = new Map<string, Held>();
  /** The bookings of the calendars in `held`, together. */
  private heldBookings = 0;

  constructor(
    private readonly store: CalendarStore,
    private readonly view: OccupancyView,
    private readonly options: CalendarCacheOptions,
  ) {}

  async load(resourceId: string, options: { fresh?: boolean; toDecide?: boolean } = {}): Promise<Calendar> {
    const held = this.held.get(resourceId);
    const maxAgeMs = options.toDecide ? this.options.holdMs : this.options.maxAgeMs;
    if (!options.fresh && held && Date.now() - held.at < maxAgeMs) return held.calendar;
    const at = Date.now();
    const calendar = await this.store.load(resourceId);
    this.keep(calendar, at);
    return calendar;
  }

  occupancyOf(resourceIds: string[]) {
    return this.view.occupancyOf(resourceIds);
  }

  async commit(calendar: Calendar, change: CalendarChange): Promise<Calendar | undefined> {
    const at = Date.now();
    const written = await this.store.commit(calendar, change);
    if (written) {
      this.keep(written, at);
      this.view.heard(written.resourceId, change.put.map(occupantOf));
    } else this.forget(calendar.resourceId);
    return written;
  }

  /**
   * Another replica's booking (or this one's, read back): a held copy that lacks this version of it
   * is behind the stored calendar, and is dropped.
   */
  heard(resourceId: string, bookings: Occupant[]): void {
    const held = this.held.get(resourceId)?.calendar;
    const behind = (calendar: Calendar, heard: Occupant) =>
      (calendar.bookings.find((b) => b.id === heard.id)?.version ?? 0) < heard.version;
    if (held && bookings.some((heard) => behind(held, heard))) this.forget(resourceId);
    this.view.heard(resourceId, bookings);
  }

  caughtUp(at: number): void {
    this.view.caughtUp(at);
  }

  prefetch(resourceIds: string[]): void {
    this.view.prefetch(resourceIds);
  }

  resourceIdOfBooking(bookingId: string) {
    return this.store.resourceIdOfBooking(bookingId);
  }

  resourceIdOfWaitEntry(entryId: string) {
    return this.store.resourceIdOfWaitEntry(entryId);
  }

  resourceIdOfSeries(seriesId: string) {
    return this.store.resourceIdOfSeries(seriesId);
  }

  waitlistsOf(filter: { resourceId?: string; orgId?: string }) {
    return this.store.waitlistsOf(filter);
  }

  withFinishedBefore(cutoff: number) {
    return this.store.withFinishedBefore(cutoff);
  }

  dueForScan(now: number) {
    return this.store.dueForScan(now);
  }

  /**
   * Keeps the newest version seen (a slow read finishing after a write must not roll it back), and
   * drops from the oldest end what is too old to be decided on anyway, or beyond `maxEntries` or
   * `maxBookings`: memory holds the calendars used within the last `holdMs` only, and no more.
   */
  private keep(calendar: Calendar, at: number): void {
    const held = this.held.get(calendar.resourceId);
    if (held && held.calendar.version > calendar.version) return;
    this.heldBookings += calendar.bookings.length - (held?.calendar.bookings.length ?? 0);
    const now = Date.now();
    keepRecent(
      this.held,
      calendar.resourceId,
      { calendar, at },
      {
        max: this.options.maxEntries,
        stale: (entry) =>
          now - entry.at >= this.options.holdMs || this.heldBookings > this.options.maxBookings,
        dropped: (entry) => (this.heldBookings -= entry.calendar.bookings.length),
      },
    );
  }

  private forget(resourceId: string): void {
    const held = this.held.get(resourceId);
    if (!held) return;
    this.held.delete(resourceId);
    this.heldBookings -= held.calendar.bookings.length;
  }
}
