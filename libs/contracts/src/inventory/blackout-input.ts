import { instant } from '../common';
import { z } from '../zod';
import { blackout } from './resource';

export const createBlackoutBody = z
  .object({
    start: instant,
    end: instant,
    reason: z.string().trim().max(500).default(''),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.end.getTime() <= value.start.getTime()) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['end'], message: 'must be after start' });
    }
  })
  .openapi('CreateBlackoutBody');
export type CreateBlackoutBody = z.output<typeof createBlackoutBody>;

/**
 * The blackout as stored, plus the bookings it hits (held, pending or confirmed), as the booking
 * service reported them. `conflictsUnavailable: true` (contract extension): booking could not be
 * asked, the blackout was still created and `conflicts` is empty.
 */
export const blackoutCreated = blackout
  .extend({
    conflicts: z.array(z.string()),
    conflictsUnavailable: z.boolean().optional(),
  })
  .openapi('BlackoutCreated');
export type BlackoutCreated = z.infer<typeof blackoutCreated>;
