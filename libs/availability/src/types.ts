/**
 * Shapes of the availability engine. Every instant is an integer count of UTC epoch milliseconds and
 * every interval is half-open `[start, end)`, so adjacent intervals touch without overlapping.
 */
export interface Interval {
  start: number;
  end: number;
}

/** One opening-hours rule: the RRULE picks local dates, each gets the local window `start`–`end`. */
export interface OpeningHoursRule {
  /** RRULE without DTSTART, e.g. `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR`; anchored at 2000-01-03 local. */
  rrule: string;
  /** Local wall-clock `HH:MM`. */
  start: string;
  /** Local wall-clock `HH:MM`, later than `start`; `24:00` is the next local midnight. */
  end: string;
}

export interface BookingPolicy {
  /** Grid step, anchored at local midnight in the resource's zone. */
  slotMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  /** A booking must start at least this long after `now`. */
  leadMinutes: number;
  /** A booking must end at most `horizonDays * 24 h` after `now`. */
  horizonDays: number;
  /** Idle time kept free before and after every existing booking. */
  bufferMinutes: number;
}

export interface ResourceCalendarSpec {
  /** IANA zone of the resource, e.g. `Asia/Shanghai`. */
  timezone: string;
  /** Units bookable at once, >= 1. */
  capacity: number;
  /** Absent or empty means always open. */
  openingHours?: OpeningHoursRule[];
  policy: BookingPolicy;
}

/** An existing booking (held, pending or confirmed) holding `quantity` units over `[start, end)`. */
export interface Occupancy {
  start: number;
  end: number;
  quantity: number;
  id?: string;
}

/** A candidate booking: an interval and the number of units it needs. */
export interface Demand extends Interval {
  quantity: number;
}

/** A maximal piece of free time over which exactly `available` units are free. */
export interface FreePiece extends Interval {
  available: number;
}

export interface AvailabilityInput {
  spec: ResourceCalendarSpec;
  blackouts: Interval[];
  occupancy: Occupancy[];
  range: Interval;
  quantity: number;
  now: number;
  /**
   * The booking window to answer within, instead of the one at `now`: wider than any one instant's
   * (the windows of a whole minute together) for an answer cut to each instant's window later.
   */
  window?: Interval;
}

export interface SlotsInput extends AvailabilityInput {
  durationMinutes: number;
}

export type Violation =
  | 'outside_opening_hours'
  | 'blackout'
  | 'lead_time'
  | 'horizon'
  | 'too_short'
  | 'too_long'
  | 'misaligned'
  | 'over_capacity'
  | 'in_past';

export interface CheckBookingInput {
  spec: ResourceCalendarSpec;
  blackouts: Interval[];
  occupancy: Occupancy[];
  request: Demand;
  now: number;
}

export interface BookingCheck {
  /** Every policy rule the request breaks (a 422), in a stable order. */
  violations: Violation[];
  /** Other bookings hold units the request needs (a 409). */
  conflict: boolean;
}

export interface SeriesInput {
  /** First occurrence. */
  start: number;
  end: number;
  /** RRULE without DTSTART; must contain COUNT or UNTIL. */
  rrule: string;
  timezone: string;
  maxOccurrences: number;
}

export interface Series {
  occurrences: Interval[];
}
