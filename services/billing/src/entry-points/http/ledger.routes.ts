import { z } from 'zod';
import { ledgerCsvQuery, ledgerPage, ledgerQuery, page, reviewItem, reviewQuery } from '@labshare/contracts';
import type { RouteTable } from '@labshare/http';
import type { BillingDeps } from '../../domain/ports';
import { exportLedger } from '../../domain/use-cases/export-ledger';
import { listLedger } from '../../domain/use-cases/list-ledger';
import { listReview } from '../../domain/use-cases/list-review';
import { ledgerCsv } from './csv';
import { ledgerCursor, reviewCursor } from './paging';

const tag = 'Ledger';

/** The append-only ledger: one side of an org's month, its CSV, and the facts waiting for review. */
export function addLedgerRoutes(routes: RouteTable, deps: BillingDeps): void {
  routes
    .add({
      method: 'get',
      path: '/v1/ledger',
      summary:
        "One side of an org's ledger for a month (finance, admin, or the org's members), with its total",
      tag,
      query: ledgerQuery,
      response: { status: 200, schema: ledgerPage },
      handler: async ({ principal, query }) => {
        const { orgId, period, side, limit, cursor } = query;
        const found = await listLedger(
          deps,
          principal,
          { orgId, period, side },
          { limit, after: ledgerCursor.read(cursor) },
        );
        return { items: found.items, nextCursor: ledgerCursor.write(found.next), total: found.total };
      },
    })
    .add({
      method: 'get',
      path: '/v1/ledger.csv',
      summary: 'The same entries as CSV (RFC 4180), every page at once; amounts in minor units',
      tag,
      query: ledgerCsvQuery,
      response: { status: 200, contentType: 'text/csv', schema: z.string() },
      handler: async ({ principal, query }) => ledgerCsv(await exportLedger(deps, principal, query)),
    })
    .add({
      method: 'get',
      path: '/v1/ledger/review',
      summary:
        'Facts naming an org or resource billing does not know yet (finance, admin); rated when it arrives',
      tag,
      query: reviewQuery,
      response: { status: 200, schema: page(reviewItem) },
      handler: async ({ principal, query }) => {
        const found = await listReview(deps, principal, query.status, {
          limit: query.limit,
          after: reviewCursor.read(query.cursor),
        });
        return { items: found.items, nextCursor: reviewCursor.write(found.next) };
      },
    });
}
