import type { ScheduledJob } from '@labshare/scheduler';
import type { BillingDeps } from '../../domain/ports';
import { closePastStatements } from '../../domain/use-cases/close-past-statements';

/** Issues last month's statements (in the billing zone) on the configured cron. */
export function statementCloseJob(deps: BillingDeps, cron: string): ScheduledJob {
  return { name: 'statement-close', cron, run: () => closePastStatements(deps) };
}
