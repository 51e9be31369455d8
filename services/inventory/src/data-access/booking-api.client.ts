import { z } from 'zod';
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
 * forwarding the caller's credentials. Any failure is "could not ask", never an error of the caller.
 */
export function bookingApiClient(options: {
  baseUrl: string;
  timeoutMs: number;
  logger: Logger;
}): BookingDirectory {
  async function page(
    resourceId: string,
    window: { start: Date; end: Date },
    authorization?: string,
    cursor?: string,
  ) {
    const url = new URL('/v1/bookings', options.baseUrl);
    url.search = new URLSearchParams({
      resourceId,
      from: window.start.toISOString(),
      to: window.end.toISOString(),
      limit: '500',
      ...(cursor ? { cursor } : {}),
    }).toString();
    const response = await fetch(url, {
      headers: authorization ? { authorization } : {},
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (!response.ok) throw new Error(`booking answered ${response.status}`);
    return bookingPage.parse(await response.json());
  }

  return {
    async overlapping(resourceId, window, authorization) {
      const bookings: BookingSummary[] = [];
      let cursor: string | undefined;
      try {
        for (let pages = 0; pages < MAX_PAGES; pages++) {
          const answer = await page(resourceId, window, authorization, cursor);
          bookings.push(...answer.items);
          cursor = answer.nextCursor ?? undefined;
          if (!cursor) return bookings;
        }
        throw new Error(`more than ${MAX_PAGES} pages of bookings`);
      } catch (error) {
        options.logger.warn({ err: error, resourceId }, 'could not ask booking for conflicting bookings');
        return undefined;
      }
    },
  };
}
