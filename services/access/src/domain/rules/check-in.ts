import type { Booking, PassRefusal, Qualification } from '@labshare/contracts';
import { passRefusal, type PassCheck } from './pass-window';
import { missingQualifications } from './qualifications';
import { honours, type PassRecord } from './revocation';

/** What the service knows when a device presents a pass. */
export interface CheckInFacts {
  pass: PassCheck;
  /** The pass as issued (by its jti); absent for one this service never issued. */
  record?: PassRecord;
  /** The resource the device stands at, as access's read model has it. */
  resource: { id: string; orgId: string; requiredQualifications: string[] };
  /** The newest snapshot of the booking the pass names. */
  booking?: Booking;
  /** The user's unrevoked qualifications from the resource's org. */
  held: Qualification[];
  now: number;
}

/**
 * Whether a check-in is refused, and why: first what a device decides offline (`passRefusal`), then
 * what only the service knows: a booking cancelled, moved or recorded as a no-show a moment ago
 * (its revocation may still be on its way to the device) is `pass_revoked`; a user lacking a
 * qualification the resource requires, valid through the booked end, is `unqualified`.
 */
export function checkInRefusal(facts: CheckInFacts): PassRefusal | undefined {
  if (!facts.pass.ok || !facts.record || facts.record.jti !== facts.pass.claims.jti) return 'pass_invalid';
  const offline = passRefusal(facts.pass, {
    resourceId: facts.resource.id,
    now: facts.now,
    revoked: facts.record.revokedAt !== undefined,
  });
  if (offline) return offline;
  if (!facts.booking || !honours(facts.booking, facts.record)) return 'pass_revoked';
  const missing = missingQualifications(
    facts.resource,
    facts.booking.userId,
    facts.held,
    Date.parse(facts.booking.end),
  );
  return missing.length > 0 ? 'unqualified' : undefined;
}

/** What the 403 says for each refusal. */
export const refusalDetails: Record<PassRefusal, string> = {
  pass_invalid: 'The pass is not one this service signed, or it was altered.',
  pass_not_yet_valid: 'The pass is not valid yet: come back closer to the booked start.',
  pass_expired: 'The pass has expired: the booking is over.',
  pass_revoked: 'The pass was revoked: its booking was cancelled, moved or given up.',
  wrong_resource: 'The pass is for another resource.',
  unqualified: 'The user lacks a qualification this resource requires.',
};
