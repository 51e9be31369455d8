import type { ScheduledJob } from '@labshare/scheduler';
import type { BookingDeps } from '../../domain/ports';
import { runScans } from '../../domain/use-cases/run-scans';

/** Expires holds and offers and records no-shows, on the configured cron. */
export function bookingScanJob(deps: BookingDeps, cron: string): ScheduledJob {
  return { name: 'booking-scan', cron, run: () => runScans(deps) };
}
