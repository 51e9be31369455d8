import { occupies, type BookingState, type WaitEntry } from './booking-state';
import { evaluatePlacement, newBooking, type Placement } from './placement';
import type { ResourceView } from './resource-view';

export interface OfferInput {
  /** Every booking of the calendar as the change leaves them. */
  bookings: BookingState[];
  waitlist: WaitEntry[];
  /** The booking that changed, if one did: it may settle the offer it was made for. */
  changed?: BookingState;
  /** Whether the change freed units (a cancel, reject, expiry, no-show or move). */
  freed: boolean;
  resource: ResourceView;
  now: number;
  offerMs: number;
  newId: () => string;
}

/**
 * After a booking changed: settles the waitlist entry it was an offer for (accepted, lapsed or
 * cancelled), and, if units were freed, offers them as holds to the oldest waiting requests that now
 * fit, in order. Pure: the caller writes the result in the same calendar write as the change.
 */
export function offerFreedUnits(input: OfferInput): { bookings: BookingState[]; entries: WaitEntry[] } {
  const { bookings, changed, resource, now } = input;
  const entries = changed ? settleOffer(input.waitlist, changed) : [];
  if (!input.freed) return { bookings: [], entries };

  const offers: BookingState[] = [];
  const waiting = mergeEntries(input.waitlist, entries)
    .filter((e) => e.status === 'waiting')
    .sort((a, b) => a.createdAt - b.createdAt);
  for (const entry of waiting) {
    if (entry.end <= now) {
      entries.push({ ...entry, status: 'lapsed' });
      continue;
    }
    const placement: Placement = {
      resource,
      requester: { orgId: entry.consumerOrgId, orgKind: entry.consumerOrgKind, userId: entry.userId },
      // Qualifications were checked when the request joined the waitlist.
      qualifications: resource.requiredQualifications,
      now,
    };
    const verdict = evaluatePlacement(placement, [...bookings, ...offers], entry);
    if (verdict.violations.length > 0 || verdict.conflict) continue;
    const hold = newBooking(placement, entry, { id: input.newId(), hold: true, holdMs: input.offerMs });
    offers.push(hold);
    entries.push({ ...entry, status: 'offered', bookingId: hold.id, expiresAt: hold.expiresAt });
  }
  return { bookings: offers, entries };
}

function settleOffer(waitlist: WaitEntry[], changed: BookingState): WaitEntry[] {
  const entry = waitlist.find((e) => e.status === 'offered' && e.bookingId === changed.id);
  if (!entry) return [];
  if (changed.status === 'pending' || changed.status === 'confirmed')
    return [{ ...entry, status: 'accepted' }];
  if (changed.status === 'expired') return [{ ...entry, status: 'lapsed' }];
  if (changed.status === 'cancelled') return [{ ...entry, status: 'cancelled' }];
  return [];
}

function mergeEntries(all: WaitEntry[], changed: WaitEntry[]): WaitEntry[] {
  // Stryker disable next-line all: settleOffer only changes offered entries, which the waiting filter drops either way
  return all.map((e) => changed.find((c) => c.id === e.id) ?? e);
}

/**
 * Applies several booking changes in order (a scan, a series cancel), offering what each one frees
 * to the waitlist before the next is applied. Returns what to put and which bookings are new offers.
 */
export function applyChanges(input: {
  bookings: BookingState[];
  waitlist: WaitEntry[];
  changes: BookingState[];
  resource: ResourceView;
  now: number;
  offerMs: number;
  newId: () => string;
}): { put: BookingState[]; offers: BookingState[]; entries: WaitEntry[] } {
  let { bookings, waitlist } = input;
  const offers: BookingState[] = [];
  const entries = new Map<string, WaitEntry>();
  for (const next of input.changes) {
    const before = bookings.find((b) => b.id === next.id);
    bookings = bookings.map((b) => (b.id === next.id ? next : b));
    const made = offerFreedUnits({
      ...input,
      bookings,
      waitlist,
      changed: next,
      freed: before !== undefined && occupies(before) && !occupies(next),
    });
    bookings = [...bookings, ...made.bookings];
    offers.push(...made.bookings);
    for (const e of made.entries) entries.set(e.id, e);
    waitlist = waitlist.map((w) => entries.get(w.id) ?? w);
  }
  return { put: [...input.changes, ...offers], offers, entries: [...entries.values()] };
}
