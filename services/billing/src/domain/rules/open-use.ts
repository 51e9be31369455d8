import {
  clipIntervals,
  mergeIntervals,
  openingWindows,
  subtractIntervals,
  type Interval,
  type OpeningHoursRule,
} from '@labshare/availability';
import type { BookingStatus, Resource } from '@labshare/contracts';
import { DateTime } from 'luxon';

/**
 * The open-use report for the zone administration: per provider, how much its shared resources
 * were open in a period and how much of that others used. Pure; the caller passes the period as a
 * UTC range (a calendar month in BILLING_TIMEZONE) and the read models.
 *
 * Definitions (every figure in whole minutes, weighted by units so capacity-3 rooms count 3×):
 * - open: the resource's opening hours minus its blackouts (the availability engine's own
 *   definitions), clipped to the period and to the time it existed (created … retired), × capacity;
 * - booked: confirmed bookings and no-shows (a no-show held its slot), their span clipped to the
 *   period × quantity; held, pending, cancelled, rejected and expired ones never took time;
 * - used: usage records whose session ended in the period, minutes × booked quantity;
 *   external: those whose consumer org is not the provider;
 * - utilisation: used / open, rounded half up to 4 decimals (0 when never open);
 * - outside orgs: distinct consumer orgs other than the provider among the used sessions.
 * Only shared resources count; each sum is floored to whole minutes once per resource.
 */

export interface OpenUseResource {
  id: string;
  orgId: string;
  shared: boolean;
  capacity: number;
  timezone: string;
  openingHours: readonly OpeningHoursRule[];
  blackouts: readonly Interval[];
  /** Epoch ms: the resource does not count as open before it existed. */
  createdAt: number;
  /** Epoch ms, when retired: nor after it was retired. */
  retiredAt?: number;
}

export interface OpenUseBooking {
  resourceId: string;
  start: number;
  end: number;
  quantity: number;
  status: BookingStatus;
}

export interface OpenUseSession {
  resourceId: string;
  providerOrgId: string;
  consumerOrgId: string;
  minutes: number;
  quantity: number;
  /** Session end, epoch ms. */
  end: number;
}

export interface OpenUseLine {
  providerOrgId: string;
  sharedResources: number;
  openMinutes: number;
  bookedMinutes: number;
  usedMinutes: number;
  externalMinutes: number;
  utilisation: number;
  outsideOrgs: number;
}

export interface OpenUseInput {
  range: Interval;
  resources: readonly OpenUseResource[];
  bookings: readonly OpenUseBooking[];
  sessions: readonly OpenUseSession[];
}

const MINUTE_MS = 60_000;
const bookedStatuses: readonly BookingStatus[] = ['confirmed', 'no_show'];

/** Open time of one resource in `range`, in ms (one unit). */
export function openMs(resource: OpenUseResource, range: Interval): number {
  const lived = {
    start: Math.max(range.start, resource.createdAt),
    end: Math.min(range.end, resource.retiredAt ?? range.end),
  };
  if (lived.end <= lived.start) return 0;
  const open = openingWindows(
    { timezone: resource.timezone, openingHours: [...resource.openingHours] },
    lived,
  );
  return totalMs(subtractIntervals(open, clipIntervals(resource.blackouts, lived)));
}

export function openUseLines({ range, resources, bookings, sessions }: OpenUseInput): OpenUseLine[] {
  const shared = new Map(resources.filter((r) => r.shared).map((r) => [r.id, r]));
  const lines = new Map<string, OpenUseLine & { outside: Set<string> }>();
  const lineOf = (providerOrgId: string) => {
    let line = lines.get(providerOrgId);
    if (!line) {
      line = { ...emptyLine(providerOrgId), outside: new Set() };
      lines.set(providerOrgId, line);
    }
    return line;
  };

  for (const resource of shared.values()) {
    const line = lineOf(resource.orgId);
    line.sharedResources += 1;
    line.openMinutes += Math.floor(openMs(resource, range) / MINUTE_MS) * resource.capacity;
    const held = bookings.filter((b) => b.resourceId === resource.id && bookedStatuses.includes(b.status));
    line.bookedMinutes += Math.floor(
      held.reduce((ms, b) => ms + totalMs(clipIntervals([b], range)) * b.quantity, 0) / MINUTE_MS,
    );
  }
  for (const session of sessions) {
    const resource = shared.get(session.resourceId);
    if (!resource || session.end < range.start || session.end >= range.end) continue;
    const line = lineOf(resource.orgId);
    const minutes = session.minutes * session.quantity;
    line.usedMinutes += minutes;
    if (session.consumerOrgId !== resource.orgId) {
      line.externalMinutes += minutes;
      line.outside.add(session.consumerOrgId);
    }
  }
  return [...lines.values()]
    .map(({ outside, ...line }) => ({
      ...line,
      outsideOrgs: outside.size,
      utilisation:
        line.openMinutes === 0 ? 0 : Math.round((line.usedMinutes * 10_000) / line.openMinutes) / 10_000,
    }))
    .sort((a, b) => (a.providerOrgId < b.providerOrgId ? -1 : a.providerOrgId > b.providerOrgId ? 1 : 0));
}

function emptyLine(providerOrgId: string): OpenUseLine {
  return {
    providerOrgId,
    sharedResources: 0,
    openMinutes: 0,
    bookedMinutes: 0,
    usedMinutes: 0,
    externalMinutes: 0,
    utilisation: 0,
    outsideOrgs: 0,
  };
}

function totalMs(intervals: readonly Interval[]): number {
  return mergeIntervals(intervals).reduce((ms, i) => ms + i.end - i.start, 0);
}

/** A resource snapshot as the report reads it; a retired one stopped being open when it was retired. */
export function openUseResourceOf(resource: Resource): OpenUseResource {
  return {
    id: resource.id,
    orgId: resource.orgId,
    shared: resource.shared,
    capacity: resource.capacity,
    timezone: resource.timezone,
    openingHours: resource.openingHours,
    blackouts: resource.blackouts.map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) })),
    createdAt: Date.parse(resource.createdAt),
    ...(resource.status === 'retired' ? { retiredAt: Date.parse(resource.updatedAt) } : {}),
  };
}

/** `[first instant, first instant of the next month)` of a `YYYY-MM` period in `timezone`. */
export function periodRange(period: string, timezone: string): Interval {
  const start = DateTime.fromFormat(period, 'yyyy-MM', { zone: timezone });
  return { start: start.toMillis(), end: start.plus({ months: 1 }).toMillis() };
}
