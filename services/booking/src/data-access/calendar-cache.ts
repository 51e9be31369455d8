import type { CalendarChange, CalendarStore } from '../domain/ports';
import type { Calendar, CalendarOccupancy } from '../domain/rules/booking-state';

export interface CalendarCacheOptions {
  /** How old (since its read or write was issued) a held calendar may be and still be answered from. */
  maxAgeMs: number;
  /** How many calendars are held; the least recently used go first. */
  maxEntries: number;
}

/**
 * Calendars held in this replica's memory, in front of the calendar documents. A held calendar is
 * never trusted for a decision: the write is conditional on its version, so if another replica
 * changed the calendar meanwhile the write is refused, the entry dropped, and `changeCalendar` reads
 * the document and decides again. What it saves is the read before each decision (a booking is one
 * round trip: the conditional write), and the read behind each availability answer, which is
 * therefore at most `maxAgeMs` behind other replicas' writes (this replica's own are held at once).
 * A search's occupancies (`occupancyOf`) are held the same way, apart: they never answer `load`.
 */
export class CalendarCache implements CalendarStore {
  private readonly calendars: HeldCopies<Calendar>;
  private readonly occupancies: HeldCopies<CalendarOccupancy>;

  constructor(
    private readonly store: CalendarStore,
    options: CalendarCacheOptions,
  ) {
    this.calendars = new HeldCopies(options);
    this.occupancies = new HeldCopies(options);
  }

  async load(resourceId: string, options: { fresh?: boolean } = {}): Promise<Calendar> {
    const held = options.fresh ? undefined : this.calendars.young(resourceId, Date.now());
    if (held) return held;
    const at = Date.now();
    const calendar = await this.store.load(resourceId);
    this.calendars.keep(calendar, at);
    return calendar;
  }

  /** From a held calendar or occupancy young enough (the newer of the two), else one read of the rest. */
  async occupancyOf(resourceIds: string[]): Promise<CalendarOccupancy[]> {
    const at = Date.now();
    const found = new Map<string, CalendarOccupancy>();
    for (const id of resourceIds) {
      const held = newer(this.calendars.young(id, at), this.occupancies.young(id, at));
      if (held) found.set(id, held);
    }
    const missing = resourceIds.filter((id) => !found.has(id));
    for (const occupancy of missing.length ? await this.store.occupancyOf(missing) : []) {
      this.occupancies.keep(occupancy, at);
      found.set(occupancy.resourceId, occupancy);
    }
    return resourceIds.map((id) => found.get(id)!);
  }

  async commit(calendar: Calendar, change: CalendarChange): Promise<Calendar | undefined> {
    const at = Date.now();
    const written = await this.store.commit(calendar, change);
    if (written) this.calendars.keep(written, at);
    else {
      this.calendars.drop(calendar.resourceId);
      this.occupancies.drop(calendar.resourceId);
    }
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
}

const newer = <T extends CalendarOccupancy>(a: T | undefined, b: T | undefined) =>
  a && b ? (a.version >= b.version ? a : b) : (a ?? b);

/** Copies of calendars (or of what answers need of them) by resource, each with when it was read. */
class HeldCopies<T extends CalendarOccupancy> {
  private readonly held = new Map<string, { copy: T; at: number }>();

  constructor(private readonly options: CalendarCacheOptions) {}

  /** The copy held of this resource's calendar if it is young enough to answer from. */
  young(resourceId: string, now: number): T | undefined {
    const held = this.held.get(resourceId);
    return held && now - held.at < this.options.maxAgeMs ? held.copy : undefined;
  }

  /**
   * Keeps the newest version seen (a slow read finishing after a write must not roll it back), and
   * drops from the oldest end what is too old to be answered from anyway, or beyond `maxEntries`:
   * memory holds the calendars used within the last `maxAgeMs` only.
   */
  keep(copy: T, at: number): void {
    const held = this.held.get(copy.resourceId);
    if (held && held.copy.version > copy.version) return;
    this.held.delete(copy.resourceId);
    this.held.set(copy.resourceId, { copy, at });
    const now = Date.now();
    for (const [id, entry] of this.held) {
      if (now - entry.at < this.options.maxAgeMs && this.held.size <= this.options.maxEntries) break;
      this.held.delete(id);
    }
  }

  drop(resourceId: string): void {
    this.held.delete(resourceId);
  }
}
