export type {
  AvailabilityInput,
  BookingCheck,
  BookingPolicy,
  CheckBookingInput,
  Demand,
  FreePiece,
  Interval,
  Occupancy,
  OpeningHoursRule,
  ResourceCalendarSpec,
  Series,
  SeriesInput,
  SlotsInput,
  Violation,
} from './types';
export { openingDates, openingWindows } from './opening-windows';
export { clipIntervals, mergeIntervals, subtractIntervals } from './intervals';
export { bookingWindow } from './bookable-time';
export { freeIntervals } from './free-intervals';
export { slots } from './slots';
export { isoInstant } from './iso-instant';
export { checkBooking } from './check-booking';
export { peakConcurrency, fitsCapacity, usageSteps, type UsageStep } from './occupancy';
export { expandSeries, SeriesRuleError } from './series';
export { assertRecurrenceRule, RecurrenceRuleError } from './recurrence-rule';
export { calendarSpecErrors, type SpecError } from './spec-errors';
