import type { CalendarChange, CalendarStore } from '../domain/ports';
import { occupantOf, type Calendar } from '../domain/rules/booking-state';
import { keepRecent } from './keep-recent';
import type { OccupancyView } from './occupancy-view';

export interface CalendarCacheOptions {
  /** How old (since its read or write was issued) a held calendar may be and still be answered from. */
  maxAgeMs: number;
  /** How many calendars are held; the least recently used go first. */
  maxEntries: number;
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
 * the document and decides again. What it saves is the read before each decision (a booking is one
 * round trip: the conditional write), and the read behind each availability answer, which is
 * therefore at most `maxAgeMs` behind other replicas' writes (this replica's own are held at once).
 * What searches read (`occupancyOf`) comes from an `OccupancyView`, told of this replica's writes.
 */
export class CalendarCache implements CalendarStore {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly store: CalendarStore,
    private readonly view: OccupancyView,
    private readonly options: CalendarCacheOptions,
  ) {}

  async load(resourceId: string, options: { fresh?: boolean } = {}): Promise<Calendar> {
    const held = this.held.get(resourceId);
    if (!options.fresh && held && Date.now() - held.at < this.options.maxAgeMs) return held.calendar;
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
    } else this.held.delete(calendar.resourceId);
    return written;
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
   * drops from the oldest end what is too old to be answered from anyway, or beyond `maxEntries`:
   * memory holds the calendars used within the last `maxAgeMs` only.
   */
  private keep(calendar: Calendar, at: number): void {
    const held = this.held.get(calendar.resourceId);
    if (held && held.calendar.version > calendar.version) return;
    const now = Date.now();
    keepRecent(
      this.held,
      calendar.resourceId,
      { calendar, at },
      {
        max: this.options.maxEntries,
        stale: (entry) => now - entry.at >= this.options.maxAgeMs,
      },
    );
  }
}
