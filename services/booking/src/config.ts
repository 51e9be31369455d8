import { env, loadConfig, platformEnv } from '@labshare/config';

export const bookingConfigSchema = platformEnv.extend({
  BOOKING_PORT: env.port(8082),
  /** How long a hold lasts before the scan expires it. */
  HOLD_MINUTES: env.int(15, 1),
  /** How long a waitlist offer (a hold) waits for its confirmation. */
  OFFER_MINUTES: env.int(30, 1),
  MAX_SERIES_OCCURRENCES: env.int(200, 1),
  /** Expires holds and offers, records no-shows; seconds field allowed. */
  BOOKING_SCAN_CRON: env.cron('*/30 * * * * *'),
  /** Moves bookings that ended more than BOOKING_RETENTION_DAYS ago out of the calendar documents. */
  BOOKING_PRUNE_CRON: env.cron('0 17 3 * * *'),
  /** Longer than any quota period (a month), so quotas still see every booking they count. */
  BOOKING_RETENTION_DAYS: env.int(40, 32),
  /**
   * How far behind other replicas' writes an availability answer may be: a held calendar answers
   * while it is younger than this (this replica's own writes show at once). 0 reads every calendar
   * from the database for an answer.
   */
  CALENDAR_CACHE_MS: env.int(1000, 0),
  /**
   * How long a calendar used by this replica stays held for decisions, which take a held copy of any
   * age (their write is conditional on its version; see CalendarCache): a booking on a calendar
   * used within this time is one round trip. 0 holds none past an answer's bound.
   */
  CALENDAR_HOLD_MS: env.int(600_000, 0),
  /** How many calendars are held at most, for answers and decisions (the least recently used go first). */
  CALENDAR_CACHE_ENTRIES: env.int(10_000, 1),
  /**
   * How many bookings those calendars may hold together: the bound on their memory, ~2.3 kB of heap
   * per booking held (so ~115 MB at the default).
   */
  CALENDAR_CACHE_BOOKINGS: env.int(50_000, 1),
  /**
   * How many bookings a calendar's head document holds before they are folded into its week
   * documents (see CalendarRepository): bounds the size of the document every booking rewrites.
   */
  CALENDAR_HEAD_BOOKINGS: env.int(32, 1),
  /**
   * How many pieces (free intervals and slots) of availability answers are held for reuse; an answer
   * is held only while nothing it depends on changes (see AnswerCache). 0 holds none.
   */
  AVAILABILITY_ANSWER_PIECES: env.int(100_000, 0),
});

export type BookingConfig = ReturnType<typeof loadBookingConfig>;

export function loadBookingConfig(source: Record<string, string | undefined> = process.env) {
  const config = loadConfig(bookingConfigSchema, source);
  return { ...config, PORT: config.BOOKING_PORT };
}
