import { hasRole, isAdmin, type Principal, type WaitlistEntry } from '@labshare/contracts';
import type { BookingDeps } from '../ports';
import { toWaitlistEntryDto } from '../rules/booking-dto';
import type { WaitEntry } from '../rules/booking-state';

/** A caller's view of waitlists: its own org's requests, or (org_admin) those on its resources. */
export async function listWaitlist(
  deps: BookingDeps,
  caller: Principal,
  resourceId?: string,
): Promise<WaitlistEntry[]> {
  const calendars = await deps.calendars.waitlistsOf({
    resourceId,
    ...(isAdmin(caller) || resourceId ? {} : { orgId: caller.org }),
  });
  const entries = calendars.flatMap((c) => c.waitlist);
  const visible = await Promise.all(
    entries.map(async (e) => {
      if (isAdmin(caller) || e.consumerOrgId === caller.org) return e;
      if (!hasRole(caller, 'org_admin')) return undefined;
      const resource = await deps.resources.get(e.resourceId);
      return resource?.orgId === caller.org ? e : undefined;
    }),
  );
  return visible
    .filter((e): e is WaitEntry => e !== undefined)
    .sort((a, b) => a.createdAt - b.createdAt)
    .map(toWaitlistEntryDto);
}
