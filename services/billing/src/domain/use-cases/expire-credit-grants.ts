import type { BillingDeps } from '../ports';
import { creditGrantEvent } from '../rules/billing-events';
import { grantView } from '../rules/credits';
import { eventContext } from '../support/event-context';

/**
 * The expiry scan: closes grants past their expiry (what is left stays as their balance, shown as
 * expired) and announces it. Coverage itself is decided by each session's end, so closing a grant
 * changes no charge.
 */
export async function expireCreditGrants(deps: BillingDeps): Promise<number> {
  const context = eventContext(deps);
  let closed = 0;
  for (const grant of await deps.credits.dueForExpiry(context.now)) {
    const event = creditGrantEvent('expired', grantView({ ...grant, expiredAt: context.now }), context);
    if (await deps.credits.markExpired(grant.id, context.now, [event])) closed += 1;
  }
  return closed;
}
