import type { CheckOutAnswer, Principal } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { AccessDeps } from '../ports';
import { canActOnSession } from '../rules/access-rights';
import { toCheckOutAnswer } from '../rules/sessions';
import { closeOpenSession } from '../support/close-session';

/** A device of the resource's org checks the session out: its usage record is queued in the same write. Idempotent. */
export async function checkOut(
  deps: AccessDeps,
  caller: Principal,
  sessionId: string,
): Promise<CheckOutAnswer> {
  const session = await deps.sessions.get(sessionId);
  if (!session || !canActOnSession(caller, session)) throw errors.notFound(`Session ${sessionId}`);
  return toCheckOutAnswer(await closeOpenSession(deps, session, 'device'));
}
