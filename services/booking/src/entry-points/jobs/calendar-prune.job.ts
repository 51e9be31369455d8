import type { ScheduledJob } from '@labshare/scheduler';
import type { BookingDeps } from '../../domain/ports';
import { pruneCalendars } from '../../domain/use-cases/prune-calendars';

/** Moves long-finished bookings out of the calendars, on the configured cron. */
export function calendarPruneJob(deps: BookingDeps, cron: string, retentionDays: number): ScheduledJob {
  return { name: 'calendar-prune', cron, run: () => pruneCalendars(deps, retentionDays * 86_400_000) };
}
