import type { BillingDeps } from '../ports';

/**
 * The expiry scan: closes grants past their expiry (what is left stays as their balance, shown as
 * expired). Coverage itself is decided by each session's end, so closing a grant changes no charge.
 */
export async function expireCreditGrants(deps: BillingDeps): Promise<number> {
  const now = deps.clock().getTime();
  let closed = 0;
  for (const id of await deps.credits.dueForExpiry(now)) {
    if (await deps.credits.markExpired(id, now, [])) closed += 1;
  }
  return closed;
}
