import { money, utc } from '../common';
import { priceTerms } from '../booking/booking';
import { orgKind } from '../inventory/org';
import { resourceKind } from '../inventory/resource';
import { z } from '../zod';

/**
 * One closed session of real use: the fact billing charges and the zone's subsidy pays for. Access
 * publishes exactly one per session (its `id` is derived from the session, so a replay or a crash
 * cannot make a second), on `topics.usage`, keyed by the provider org. Immutable: a correction is a
 * new record whose `corrects` names the one it replaces.
 */
export const usageRecordTypes = { recorded: 'usage.recorded.v1' } as const;

export const usageRecord = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    bookingId: z.string(),
    resourceId: z.string(),
    resourceKind,
    providerOrgId: z.string(),
    consumerOrgId: z.string(),
    consumerKind: orgKind,
    userId: z.string(),
    /** Check-in and check-out (or the automatic close) of the session. */
    start: utc,
    end: utc,
    /** Whole minutes of use, rounded up. */
    minutes: z.number().int().min(0),
    /** Consumer org ≠ provider org: open use, the kind the subsidy counts. */
    external: z.boolean(),
    /** What was booked: billing charges the booked span or the minutes used, per `priceTerms.basis`. */
    booked: z.object({ start: utc, end: utc, quantity: z.number().int().min(1), price: money }),
    priceTerms,
    closedBy: z.enum(['device', 'auto']),
    /** The record this one corrects, if it is a correction. */
    corrects: z.string().optional(),
    recordedAt: utc,
  })
  .openapi('UsageRecord');
export type UsageRecord = z.infer<typeof usageRecord>;

export const usageRecordEventData = z.object({ usageRecord });
export type UsageRecordEventData = z.infer<typeof usageRecordEventData>;
