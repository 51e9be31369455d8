import type { AccessDeps } from '../ports';
import { usageRecordedEvent } from '../rules/access-events';
import { closeSession, type ClosedSession, type SessionState } from '../rules/sessions';
import { usageRecordOf } from '../rules/usage-record';
import { eventContext } from './lookups';

/**
 * Closes a session and queues its usage record in the same single-document write (the outbox), iff
 * it is still open. Whoever closes it first (a device, the scan, another replica) wins; the others
 * get that close back, so a session has one end and one usage record.
 */
export async function closeOpenSession(
  deps: AccessDeps,
  session: SessionState,
  by: 'device' | 'auto',
): Promise<ClosedSession> {
  if (session.status === 'closed') return session as ClosedSession;
  const context = eventContext(deps);
  const closed = closeSession(session, by, context.now);
  if (await deps.sessions.close(closed, [usageRecordedEvent(usageRecordOf(closed, context.now), context)])) {
    return closed;
  }
  return (await deps.sessions.get(session.id)) as ClosedSession;
}
