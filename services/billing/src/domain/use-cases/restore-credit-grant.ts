import type { CreditGrantView } from '@labshare/contracts';
import type { BillingDeps } from '../ports';

/**
 * Billing's own grant facts read back: after billing's database is lost, a replay of its topic
 * restores every grant as granted (full balance: the charges, rated again, draw on it again) and
 * closes those the scan had closed. A grant already held is left as it is.
 */
export async function restoreCreditGrant(deps: BillingDeps, grant: CreditGrantView): Promise<void> {
  await deps.credits.insert(
    {
      id: grant.id,
      orgId: grant.orgId,
      fundingSource: grant.fundingSource,
      amount: grant.amount,
      currency: grant.currency,
      balance: grant.amount,
      expiresAt: Date.parse(grant.expiresAt),
      coversPercent: grant.coversPercent,
      resourceKinds: grant.resourceKinds,
      createdAt: Date.parse(grant.createdAt),
      applications: [],
    },
    [],
  );
  if (grant.expiredAt) await deps.credits.markExpired(grant.id, Date.parse(grant.expiredAt), []);
}
