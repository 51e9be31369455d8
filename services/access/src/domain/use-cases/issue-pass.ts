import type { IssuedPass, Principal } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { AccessDeps } from '../ports';
import { assertMayHavePass, assertPassable } from '../rules/access-rights';
import { compactId, passClaimsFor, passWindow } from '../rules/pass-window';
import { revokeDishonouredPasses } from '../support/revoke-passes';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A signed pass for a confirmed booking of the caller's org, valid from `passEarlyMinutes` (the
 * resource's policy, from access's read model of inventory) before the start until the end. The pass
 * is stored before it is returned, then the booking is read again: a cancel that arrived meanwhile
 * revokes it at once (and this answers 409), so no pass outlives its booking unnoticed.
 */
export async function issuePass(deps: AccessDeps, caller: Principal, bookingId: string): Promise<IssuedPass> {
  const booking = await deps.bookings.getOrAwait(bookingId, (b) => b.status === 'confirmed');
  if (!booking) throw errors.notFound(`Booking ${bookingId}`);
  assertMayHavePass(caller, booking);
  const now = deps.clock().getTime();
  assertPassable(booking, now);
  const resource = await deps.resources.getOrAwait(booking.resourceId);
  if (!resource) throw errors.unavailable(`Resource ${booking.resourceId} is not known to access yet.`);

  const window = passWindow(booking, resource.policy.passEarlyMinutes);
  const claims = passClaimsFor({ jti: compactId(deps.newId()), booking, window, issuer: deps.signer.issuer });
  const { token, kid } = await deps.signer.sign(claims);
  await deps.passes.insert({
    jti: claims.jti,
    kid,
    bookingId: booking.id,
    resourceId: booking.resourceId,
    userId: booking.userId,
    bookingStart: Date.parse(booking.start),
    bookingEnd: Date.parse(booking.end),
    ...window,
    issuedAt: now,
  });
  if ((await revokeDishonouredPasses(deps, booking.id)).includes(claims.jti)) {
    throw errors.conflict('The booking changed while its pass was issued.', {}, 'invalid_state');
  }
  return {
    token,
    jti: claims.jti,
    kid,
    bookingId: booking.id,
    resourceId: booking.resourceId,
    userId: booking.userId,
    validFrom: iso(window.validFrom),
    validUntil: iso(window.validUntil),
  };
}
