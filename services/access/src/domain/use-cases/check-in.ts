import type { CheckInAnswer, Principal } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { AccessDeps } from '../ports';
import { checkedInEvent } from '../rules/access-events';
import { checkInRefusal, refusalDetails } from '../rules/check-in';
import { openSession, toCheckInAnswer } from '../rules/sessions';
import { eventContext, resourceForDevice } from '../support/lookups';

/**
 * A device of the resource's org presents a pass. Refused with the reason's code (403), or a session
 * opens, its `session.checked-in.v1` in the same insert (booking's no-show scan must see it before
 * start + grace, so the relay is nudged at once). One session per booking: a repeat, or another
 * replica racing this one, gets the same session back.
 */
export async function checkIn(
  deps: AccessDeps,
  caller: Principal,
  request: { token: string; resourceId: string },
): Promise<CheckInAnswer> {
  const resource = await resourceForDevice(deps, caller, request.resourceId);
  const pass = await deps.signer.verify(request.token);
  const [record, booking, held] = pass.ok
    ? await Promise.all([
        deps.passes.get(pass.claims.jti),
        deps.bookings.get(pass.claims.bid),
        resource.requiredQualifications.length
          ? deps.qualifications.held(resource.orgId, pass.claims.sub)
          : [],
      ])
    : [undefined, undefined, []];
  const context = eventContext(deps);
  const refusal = checkInRefusal({ pass, record, resource, booking, held, now: context.now });
  if (refusal) throw errors.forbidden(refusalDetails[refusal], refusal);

  const session = openSession({
    booking: booking!,
    passJti: record!.jti,
    device: caller.sub,
    now: context.now,
    autoCheckoutGraceMs: deps.autoCheckoutGraceMs,
  });
  if (await deps.sessions.open(session, [checkedInEvent(session, context)])) return toCheckInAnswer(session);
  const existing = await deps.sessions.get(session.id);
  return toCheckInAnswer(existing!);
}
