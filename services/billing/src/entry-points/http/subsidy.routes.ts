import {
  settleSubsidiesBody,
  subsidiesQuery,
  subsidyPolicy,
  subsidyPolicyBody,
  subsidyReport,
} from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import type { BillingDeps } from '../../domain/ports';
import { listSubsidies } from '../../domain/use-cases/list-subsidies';
import { setSubsidyPolicy } from '../../domain/use-cases/set-subsidy-policy';
import { settleSubsidies } from '../../domain/use-cases/settle-subsidies';

const tag = 'Open-resource subsidy';

/** The zone's subsidy for opening facilities to others: policy, per-provider figures, settlement. */
export function addSubsidyRoutes(routes: RouteTable, deps: BillingDeps): void {
  routes
    .add({
      method: 'put',
      path: '/v1/subsidy/policy',
      summary: 'Set the subsidy policy from a period on, as a new version (admin)',
      tag,
      access: ['admin'],
      body: subsidyPolicyBody,
      idempotent: true,
      response: { status: 200, schema: subsidyPolicy },
      handler: ({ principal, body }) => setSubsidyPolicy(deps, principal, body),
    })
    .add({
      method: 'get',
      path: '/v1/subsidies',
      summary: "Per provider, a period's external minutes, sessions, consumer orgs, accrued, capped, payable",
      tag,
      query: subsidiesQuery,
      response: { status: 200, schema: subsidyReport },
      handler: ({ principal, query }) => listSubsidies(deps, principal, query.period, query.providerOrgId),
    })
    .add({
      method: 'post',
      path: '/v1/subsidies/settle',
      summary:
        "Settle a period's subsidy for one provider or all (admin); idempotent, publishes subsidy.settled.v1",
      tag,
      access: ['admin'],
      body: settleSubsidiesBody,
      idempotent: true,
      response: { status: 200, schema: subsidyReport },
      handler: ({ principal, body }) => settleSubsidies(deps, principal, body),
    });
}
