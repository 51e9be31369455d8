import type { CreateCreditGrantBody, CreditGrantView, Principal } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { BillingDeps } from '../ports';
import { assertAdmin } from '../rules/billing-access';
import { grantView } from '../rules/credits';

/** The admin records a funding body's usage credit for a consumer org; its charges draw on it from now. */
export async function grantCredit(
  deps: BillingDeps,
  principal: Principal,
  body: CreateCreditGrantBody,
): Promise<CreditGrantView> {
  assertAdmin(principal);
  const now = deps.clock().getTime();
  if (body.expiresAt.getTime() <= now) {
    throw errors.validation([{ field: 'body.expiresAt', message: 'must be in the future' }]);
  }
  const grant = {
    id: deps.newId(),
    orgId: body.orgId,
    fundingSource: body.fundingSource,
    amount: body.amount,
    currency: body.currency,
    balance: body.amount,
    expiresAt: body.expiresAt.getTime(),
    coversPercent: body.coversPercent,
    resourceKinds: body.resourceKinds ?? [],
    createdAt: now,
    applications: [],
  };
  await deps.credits.insert(grant, []);
  return grantView(grant);
}
