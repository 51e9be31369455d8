import type { OpenUseReportView, Principal } from '@labshare/contracts';
import type { BillingDeps } from '../ports';
import { assertFinance } from '../rules/billing-access';
import { openUseLines, openUseResourceOf, periodRange } from '../rules/open-use';

/** The zone's open-use report of a period: per provider, open, booked, used and outside-used minutes. */
export async function reportOpenUse(
  deps: BillingDeps,
  principal: Principal,
  period: string,
): Promise<OpenUseReportView> {
  assertFinance(principal);
  const range = periodRange(period, deps.timezone);
  const resources = (await deps.openUse.sharedResources()).map(openUseResourceOf);
  const [bookings, sessions] = await Promise.all([
    deps.openUse.bookingsOverlapping(
      resources.map((r) => r.id),
      range,
    ),
    deps.openUse.sessionsIn(period),
  ]);
  const items = openUseLines({
    range,
    resources,
    bookings: bookings.map((b) => ({
      resourceId: b.resourceId,
      start: Date.parse(b.start),
      end: Date.parse(b.end),
      quantity: b.quantity,
      status: b.status,
    })),
    sessions,
  });
  return { period, items };
}
