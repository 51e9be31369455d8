import { instant, money, utc } from '../common';
import { customerCategories, orgKind } from '../inventory/org';
import { billingMode, resourceKind } from '../inventory/resource';
import { z } from '../zod';

/**
 * A booking's life: `held` (with `expiresAt`) → `confirmed`, or `pending` where approval applies;
 * `pending` → `confirmed` | `rejected`; any live one → `cancelled`; `held` → `expired`;
 * `confirmed` → `no_show` (no check-in within the grace). Held, pending and confirmed occupy units.
 */
export const bookingStatuses = [
  'held',
  'pending',
  'confirmed',
  'rejected',
  'cancelled',
  'expired',
  'no_show',
] as const;
export const bookingStatus = z.enum(bookingStatuses).openapi('BookingStatus');
export type BookingStatus = z.infer<typeof bookingStatus>;
export const occupyingStatuses: readonly BookingStatus[] = ['held', 'pending', 'confirmed'];

/**
 * The terms a booking is priced on, fixed when it is made or moved: the booker's customer category
 * and its hourly rate, the rounding rules and the charging basis of the resource's rate card at
 * `rateCardVersion` (the resource version read). Billing charges on exactly these terms.
 */
export const priceTerms = z
  .object({
    category: z.enum(customerCategories),
    perHour: z.number().int().min(0),
    currency: z.string(),
    incrementMinutes: z.number().int().min(1),
    minimumMinutes: z.number().int().min(0),
    basis: billingMode,
    rateCardVersion: z.number().int().min(1),
  })
  .openapi('PriceTerms');
export type PriceTerms = z.infer<typeof priceTerms>;

export const booking = z
  .object({
    id: z.string(),
    resourceId: z.string(),
    resourceKind,
    providerOrgId: z.string(),
    consumerOrgId: z.string(),
    consumerKind: orgKind,
    userId: z.string(),
    start: utc,
    end: utc,
    quantity: z.number().int().min(1),
    status: bookingStatus,
    external: z.boolean(),
    price: money,
    priceTerms,
    fee: money.optional().openapi({ description: 'Late-cancel or no-show fee, when one applies.' }),
    purpose: z.string().optional(),
    seriesId: z.string().optional(),
    reason: z.string().optional().openapi({ description: 'Why it was cancelled or rejected.' }),
    createdAt: utc,
    updatedAt: utc,
    expiresAt: utc.optional(),
    /** Grows by one with each change of this booking: read models keep the newest. */
    version: z.number().int().min(1),
  })
  .openapi('Booking');
export type Booking = z.infer<typeof booking>;

export const createBookingBody = z
  .object({
    resourceId: z.string().min(1).max(100),
    start: instant,
    end: instant,
    quantity: z.number().int().min(1).max(10_000).default(1),
    purpose: z.string().trim().max(500).optional(),
    hold: z.boolean().default(false),
  })
  .strict()
  .refine((b) => b.end > b.start, { message: 'must be after start', path: ['end'] })
  .openapi('CreateBookingBody');
export type CreateBookingBody = z.infer<typeof createBookingBody>;

export const reasonBody = z
  .object({ reason: z.string().trim().max(500).optional() })
  .strict()
  .default({});
export const rejectBody = z.object({ reason: z.string().trim().min(1).max(500) }).strict();

export const rescheduleBody = z
  .object({ start: instant, end: instant })
  .strict()
  .refine((b) => b.end > b.start, { message: 'must be after start', path: ['end'] })
  .openapi('RescheduleBody');

export const bookingListQuery = z.object({
  resourceId: z.string().max(100).optional(),
  orgId: z.string().max(100).optional(),
  status: bookingStatus.optional(),
  from: instant.optional(),
  to: instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export const calendarFeedQuery = z
  .object({ resourceId: z.string().max(100).optional(), orgId: z.string().max(100).optional() })
  .refine((q) => q.resourceId || q.orgId, { message: 'give resourceId or orgId', path: ['resourceId'] });
