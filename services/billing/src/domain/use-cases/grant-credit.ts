import type { CreateCreditGrantBody, CreditGrantView, Principal } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { BillingDeps } from '../ports';
import { assertAdmin } from '../rules/billing-access';
import { creditGrantEvent } from '../rules/billing-events';
import { grantView } from '../rules/credits';
import { eventContext } from '../support/event-context';

/** The admin records a funding body's usage credit for a consumer org; its charges recorded from now draw on it. */
export async function grantCredit(
  deps: BillingDeps,
  principal: Principal,
  body: CreateCreditGrantBody,
): Promise<CreditGrantView> {
  assertAdmin(principal);
  const context = eventContext(deps);
  const now = context.now;
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
  const view = grantView(grant);
  await deps.credits.insert(grant, [creditGrantEvent('granted', view, context)]);
  return view;
}
