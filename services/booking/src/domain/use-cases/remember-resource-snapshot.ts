import type { Resource } from '@labshare/contracts';
import type { BookingDeps } from '../ports';

/**
 * Every replica hears every resource snapshot and holds the newest in memory (the store is kept by
 * one); the calendar of a bookable one is read ahead for searches (at start, every resource's).
 */
export async function rememberResourceSnapshot(deps: BookingDeps, resource: Resource): Promise<void> {
  deps.resources.remember(resource);
  if (resource.status === 'active') deps.calendarNews.prefetch([resource.id]);
}
