import type { Booking, PassClaims, PassRefusal } from '@labshare/contracts';

const MINUTE = 60_000;

/** When a pass opens the door: from `passEarlyMinutes` before the booking's start until its end (epoch ms). */
export interface PassWindow {
  validFrom: number;
  validUntil: number;
}

export function passWindow(booking: Pick<Booking, 'start' | 'end'>, passEarlyMinutes: number): PassWindow {
  return {
    validFrom: Date.parse(booking.start) - passEarlyMinutes * MINUTE,
    validUntil: Date.parse(booking.end),
  };
}

/** The claims of a new pass for `booking` (times in epoch seconds, as JWT has them). */
export function passClaimsFor(input: {
  jti: string;
  booking: Pick<Booking, 'id' | 'resourceId' | 'userId'>;
  window: PassWindow;
  issuer: string;
}): PassClaims {
  const seconds = (ms: number) => Math.floor(ms / 1000);
  return {
    jti: input.jti,
    sub: input.booking.userId,
    bid: input.booking.id,
    rid: input.booking.resourceId,
    nbf: seconds(input.window.validFrom),
    exp: seconds(input.window.validUntil),
    iss: input.issuer,
  };
}

/** A pass's signature check as the verifier reports it. */
export type PassCheck = { ok: true; claims: PassClaims } | { ok: false };

/**
 * The decision a door controller can make alone, with the JWKS and revocation list it last fetched:
 * badly signed → `pass_invalid`; for another resource → `wrong_resource`; revoked → `pass_revoked`;
 * before its window → `pass_not_yet_valid`; from its end on → `pass_expired`. The window is
 * [validFrom, validUntil): open at validFrom, closed at the booking's end. The service decides the same
 * way first (then adds what only it knows: the booking's current state and the user's qualifications).
 */
export function passRefusal(
  pass: PassCheck,
  at: { resourceId: string; now: number; revoked: boolean },
): Exclude<PassRefusal, 'unqualified'> | undefined {
  if (!pass.ok) return 'pass_invalid';
  if (pass.claims.rid !== at.resourceId) return 'wrong_resource';
  if (at.revoked) return 'pass_revoked';
  if (at.now < pass.claims.nbf * 1000) return 'pass_not_yet_valid';
  if (at.now >= pass.claims.exp * 1000) return 'pass_expired';
  return undefined;
}

/** A 128-bit id (a UUID) in 22 base64url characters instead of 36: the pass's jti, shorter in a QR code. */
export function compactId(uuid: string): string {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64url');
}
