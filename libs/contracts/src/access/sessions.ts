import { instant, utc } from '../common';
import { z } from '../zod';

/**
 * Why a device is refused (403, the problem's `code`). The first five are decided from the pass
 * alone and so also offline by a device; `unqualified` needs the service.
 */
export const passRefusals = [
  'pass_invalid',
  'pass_not_yet_valid',
  'pass_expired',
  'pass_revoked',
  'wrong_resource',
  'unqualified',
] as const;
export type PassRefusal = (typeof passRefusals)[number];

/** `POST /v1/access/check-in` by a device of the resource's org. */
export const checkInBody = z
  .object({ token: z.string().min(1).max(4096), resourceId: z.string().min(1).max(100) })
  .strict()
  .openapi('CheckInBody');

export const checkInAnswer = z
  .object({ sessionId: z.string(), bookingId: z.string(), startedAt: utc })
  .openapi('CheckIn');
export type CheckInAnswer = z.infer<typeof checkInAnswer>;

/** `POST /v1/access/check-out`. */
export const checkOutBody = z
  .object({ sessionId: z.string().min(1).max(200) })
  .strict()
  .openapi('CheckOutBody');

export const checkOutAnswer = z
  .object({
    sessionId: z.string(),
    bookingId: z.string(),
    startedAt: utc,
    endedAt: utc,
    /** Whole minutes, rounded up. */
    minutes: z.number().int().min(0),
  })
  .openapi('CheckOut');
export type CheckOutAnswer = z.infer<typeof checkOutAnswer>;

/** `GET /v1/access/revocations?since=&resourceId=`: revoked passes that have not expired yet. */
export const revocationsQuery = z
  .object({
    since: instant.optional(),
    resourceId: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(5000).default(1000),
    cursor: z.string().max(500).optional(),
  })
  .strict();

export const revocation = z
  .object({
    jti: z.string(),
    revokedAt: utc,
    bookingId: z.string(),
    resourceId: z.string(),
    /** The pass's own end: a device may forget the entry after it. */
    validUntil: utc,
  })
  .openapi('Revocation');
export type Revocation = z.infer<typeof revocation>;

export const revocationList = z
  .object({
    items: z.array(revocation),
    nextCursor: z.string().nullable(),
    /** Pass it as `since` next time (it overlaps a little, so a revocation written meanwhile is not missed). */
    syncedTo: utc,
  })
  .openapi('RevocationList');
export type RevocationList = z.infer<typeof revocationList>;
