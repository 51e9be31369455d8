import type { ScheduledJob } from '@labshare/scheduler';
import type { BillingDeps } from '../../domain/ports';
import { expireCreditGrants } from '../../domain/use-cases/expire-credit-grants';

/** Closes usage-credit grants past their expiry, on the configured cron. */
export function creditExpiryJob(deps: BillingDeps, cron: string): ScheduledJob {
  return { name: 'credit-expiry', cron, run: () => expireCreditGrants(deps) };
}
