import { instant, utc } from '../common';
import { z } from '../zod';

export const joinWaitlistBody = z
  .object({
    resourceId: z.string().min(1).max(100),
    start: instant,
    end: instant,
    quantity: z.number().int().min(1).max(10_000).default(1),
  })
  .strict()
  .refine((b) => b.end > b.start, { message: 'must be after start', path: ['end'] })
  .openapi('JoinWaitlistBody');
export type JoinWaitlistBody = z.output<typeof joinWaitlistBody>;

/**
 * `waiting` → `offered` (a held booking `bookingId` until `expiresAt`) → `accepted` (its hold was
 * confirmed) or `lapsed` (the offer expired, or the time passed); `cancelled` when the requester left.
 */
export const waitlistStatus = z.enum(['waiting', 'offered', 'accepted', 'lapsed', 'cancelled']);
export type WaitlistStatus = z.infer<typeof waitlistStatus>;

export const waitlistEntry = z
  .object({
    id: z.string(),
    resourceId: z.string(),
    consumerOrgId: z.string(),
    userId: z.string(),
    start: utc,
    end: utc,
    quantity: z.number().int().min(1),
    status: waitlistStatus,
    bookingId: z.string().optional(),
    expiresAt: utc.optional(),
    createdAt: utc,
  })
  .openapi('WaitlistEntry');
export type WaitlistEntry = z.infer<typeof waitlistEntry>;

export const waitlistQuery = z.object({ resourceId: z.string().max(100).optional() });
