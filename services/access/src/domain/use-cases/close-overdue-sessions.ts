import type { AccessDeps } from '../ports';
import { closeOpenSession } from '../support/close-session';

/**
 * The scheduled scan: sessions still open at their booking's end + the grace are closed at the
 * booked end, each with its usage record. Idempotent: a session closed meanwhile stays as it was.
 */
export async function closeOverdueSessions(deps: AccessDeps): Promise<{ closed: number }> {
  let closed = 0;
  for (const id of await deps.sessions.overdue(deps.clock().getTime())) {
    const session = await deps.sessions.get(id);
    if (session?.status !== 'open') continue;
    if ((await closeOpenSession(deps, session, 'auto')).closedBy === 'auto') closed++;
  }
  return { closed };
}
