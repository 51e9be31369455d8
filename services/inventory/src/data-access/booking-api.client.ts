import { z } from 'zod';
import { ServiceClient } from '@labshare/http';
import type { Logger } from '@labshare/logging';
import type { BookingDirectory, BookingSummary } from '../domain/ports';

/** Only what conflict reporting reads of booking's list page; other fields are booking's business. */
const bookingPage = z.object({
  items: z.array(z.object({ id: z.string(), status: z.string(), start: z.string(), end: z.string() })),
  nextCursor: z.string().nullable().optional(),
});

/** A busy resource has few bookings per blackout; this bounds a runaway cursor loop. */
const MAX_PAGES = 20;

/**
 * Asks the booking service's API (never its database) for the bookings of a resource in a window,
 * on the caller's behalf. Any failure is "could not ask", never an error of the caller.
 */
export class BookingApiClient implements BookingDirectory {
  private readonly client: ServiceClient;

  constructor(private readonly options: { baseUrl: string; timeoutMs: number; logger: Logger }) {
    this.client = new ServiceClient({ service: 'booking', ...options });
  }

  async overlapping(resourceId: string, window: { start: Date; end: Date }) {
    const bookings: BookingSummary[] = [];
    let cursor: string | undefined;
    try {
      for (let pages = 0; pages < MAX_PAGES; pages++) {
        const query = {
          resourceId,
          from: window.start.toISOString(),
          to: window.end.toISOString(),
          limit: '500',
          ...(cursor ? { cursor } : {}),
        };
        const answer = await this.client.get('/v1/bookings', query, bookingPage);
        if (!answer) throw new Error('booking has no /v1/bookings');
        bookings.push(...answer.items);
        cursor = answer.nextCursor ?? undefined;
        if (!cursor) return bookings;
      }
      throw new Error(`more than ${MAX_PAGES} pages of bookings`);
    } catch (error) {
      this.options.logger.warn({ err: error, resourceId }, 'could not ask booking for conflicting bookings');
      return undefined;
    }
  }
}
