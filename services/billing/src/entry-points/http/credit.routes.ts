import {
  createCreditGrantBody,
  creditBalances,
  creditGrant,
  creditsQuery,
  redemptionReport,
  redemptionsQuery,
} from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import type { BillingDeps } from '../../domain/ports';
import { grantCredit } from '../../domain/use-cases/grant-credit';
import { listCredits } from '../../domain/use-cases/list-credits';
import { listRedemptions } from '../../domain/use-cases/list-redemptions';

const tag = 'Usage credits';

/** Usage credits (innovation vouchers): granted by the admin, drawn by external charges, redeemed per funding body. */
export function addCreditRoutes(routes: RouteTable, deps: BillingDeps): void {
  routes
    .add({
      method: 'post',
      path: '/v1/credits/grants',
      summary: "Grant a funding body's usage credit to a consumer org (admin)",
      tag,
      access: ['admin'],
      body: createCreditGrantBody,
      idempotent: true,
      response: { status: 201, schema: creditGrant },
      handler: ({ principal, body }) => grantCredit(deps, principal, body),
    })
    .add({
      method: 'get',
      path: '/v1/credits',
      summary: "An org's grants with their balances (finance, admin, or the org's members)",
      tag,
      query: creditsQuery,
      response: { status: 200, schema: creditBalances },
      handler: ({ principal, query }) => listCredits(deps, principal, query.orgId),
    })
    .add({
      method: 'get',
      path: '/v1/credits/redemptions',
      summary:
        'Per funding source and provider, the credit drawn in a period: what the funding body owes (finance)',
      tag,
      access: ['finance'],
      query: redemptionsQuery,
      response: { status: 200, schema: redemptionReport },
      handler: ({ principal, query }) => listRedemptions(deps, principal, query.period, query.fundingSource),
    });
}
