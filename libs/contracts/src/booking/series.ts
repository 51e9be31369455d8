import { instant, utc } from '../common';
import { z } from '../zod';
import { booking } from './booking';

export const createSeriesBody = z
  .object({
    resourceId: z.string().min(1).max(100),
    start: instant,
    end: instant,
    rrule: z.string().trim().min(1).max(500).openapi({ example: 'FREQ=WEEKLY;BYDAY=TU;COUNT=16' }),
    quantity: z.number().int().min(1).max(10_000).default(1),
    purpose: z.string().trim().max(500).optional(),
    onConflict: z.enum(['fail', 'skip']).default('fail'),
  })
  .strict()
  .refine((b) => b.end > b.start, { message: 'must be after start', path: ['end'] })
  .openapi('CreateSeriesBody');
export type CreateSeriesBody = z.output<typeof createSeriesBody>;

/** An occurrence that was not booked, and why (`conflict`, or the violation codes). */
export const skippedOccurrence = z
  .object({ start: utc, end: utc, reason: z.string() })
  .openapi('SkippedOccurrence');
export type SkippedOccurrence = z.infer<typeof skippedOccurrence>;

export const seriesCreated = z
  .object({ id: z.string(), bookings: z.array(booking), skipped: z.array(skippedOccurrence) })
  .openapi('SeriesCreated');
export type SeriesCreated = z.infer<typeof seriesCreated>;

export const cancelSeriesBody = z
  .object({ from: instant.optional() })
  .strict()
  .default({})
  .openapi('CancelSeriesBody');

export const seriesCancelled = z
  .object({ id: z.string(), cancelled: z.array(booking) })
  .openapi('SeriesCancelled');
export type SeriesCancelled = z.infer<typeof seriesCancelled>;
