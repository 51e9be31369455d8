import { z } from '../zod';
import { utc } from '../common';

/**
 * Events the access service publishes that booking reads. Qualifications (on
 * `topics.qualifications`) carry the full record with a version; a revoked one has `revokedAt`.
 */
export const qualificationEventTypes = {
  granted: 'qualification.granted.v1',
  revoked: 'qualification.revoked.v1',
} as const;

export const qualification = z
  .object({
    id: z.string(),
    orgId: z.string(),
    userId: z.string(),
    name: z.string(),
    expiresAt: utc.nullable(),
    revokedAt: utc.nullable(),
    version: z.number().int().min(1),
  })
  .openapi('Qualification');
export type Qualification = z.infer<typeof qualification>;
export const qualificationEventData = z.object({ qualification });

/** A device checked a booker in (on `topics.sessions`): booking stops counting the booking as a possible no-show. */
export const sessionEventTypes = { checkedIn: 'session.checked-in.v1' } as const;
export const sessionCheckedInData = z.object({
  sessionId: z.string(),
  bookingId: z.string(),
  resourceId: z.string(),
  startedAt: utc,
});
