import { z } from 'zod';
import { issueStatementBody, statement, statementQuery } from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import type { BillingDeps } from '../../domain/ports';
import { getStatement } from '../../domain/use-cases/get-statement';
import { issueStatement } from '../../domain/use-cases/issue-statement';
import { statementCsv } from './csv';

const tag = 'Statements';

/** Monthly statements per org: open until issued, then numbered and immutable. */
export function addStatementRoutes(routes: RouteTable, deps: BillingDeps): void {
  routes
    .add({
      method: 'get',
      path: '/v1/statements',
      summary: "An org's statement of a month: gross, credits, net (finance, admin, or the org's members)",
      tag,
      query: statementQuery,
      response: { status: 200, schema: statement },
      handler: ({ principal, query }) => getStatement(deps, principal, query.orgId, query.period),
    })
    .add({
      method: 'get',
      path: '/v1/statements.csv',
      summary: 'The statement as CSV (RFC 4180): its lines, then gross, credits and net rows',
      tag,
      query: statementQuery,
      response: { status: 200, contentType: 'text/csv', schema: z.string() },
      handler: async ({ principal, query }) =>
        statementCsv(await getStatement(deps, principal, query.orgId, query.period)),
    })
    .add({
      method: 'post',
      path: '/v1/statements/issue',
      summary: "Issue an org's statement of a month (finance, admin): numbered, immutable; idempotent",
      tag,
      access: ['finance'],
      body: issueStatementBody,
      idempotent: true,
      response: { status: 200, schema: statement },
      handler: ({ principal, body }) => issueStatement(deps, principal, body),
    });
}
