import { z } from '../zod';
import { booking } from './booking';

/**
 * Booking events, on `topics.bookings`, keyed by resource id. Each carries the full booking snapshot
 * with its `version`; `previous` holds the old times of a reschedule.
 */
export const bookingEventTypes = {
  created: 'booking.created.v1',
  confirmed: 'booking.confirmed.v1',
  approved: 'booking.approved.v1',
  rejected: 'booking.rejected.v1',
  cancelled: 'booking.cancelled.v1',
  rescheduled: 'booking.rescheduled.v1',
  expired: 'booking.expired.v1',
  noShow: 'booking.no-show-recorded.v1',
} as const;
export type BookingEventType = (typeof bookingEventTypes)[keyof typeof bookingEventTypes];

export const bookingEventData = z.object({
  booking,
  previous: z.object({ start: z.string(), end: z.string() }).optional(),
});
export type BookingEventData = z.infer<typeof bookingEventData>;

/**
 * The part of a booking event that says which units it holds and when: for a reader that follows
 * only occupancy. It parses the event's seven fields in about half the time of the whole booking;
 * the rest is neither checked nor kept.
 */
export const bookingOccupancyEventData = z.object({
  booking: booking.pick({
    id: true,
    resourceId: true,
    version: true,
    status: true,
    start: true,
    end: true,
    quantity: true,
  }),
});
export type BookingOccupancyEventData = z.infer<typeof bookingOccupancyEventData>;
