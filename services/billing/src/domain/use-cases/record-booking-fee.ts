import type { Booking } from '@labshare/contracts';
import type { BillingDeps } from '../ports';
import { feeFactOf } from '../rules/ledger-lines';
import { rateFact } from '../support/rate-fact';

/** Booking announced a booking's state: a late cancel or a no-show with a fee is charged; others are not billing's. */
export async function recordBookingFee(deps: BillingDeps, booking: Booking, eventId: string): Promise<void> {
  const fact = feeFactOf(booking, eventId);
  if (fact) await rateFact(deps, fact);
}
