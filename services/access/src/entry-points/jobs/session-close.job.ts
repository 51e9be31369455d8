import type { ScheduledJob } from '@labshare/scheduler';
import type { AccessDeps } from '../../domain/ports';
import { closeOverdueSessions } from '../../domain/use-cases/close-overdue-sessions';

/** Closes sessions still open at their booking's end + grace, on the configured cron. */
export function sessionCloseJob(deps: AccessDeps, cron: string): ScheduledJob {
  return { name: 'session-close', cron, run: () => closeOverdueSessions(deps) };
}
