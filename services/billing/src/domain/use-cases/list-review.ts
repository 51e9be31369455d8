import type { Principal, ReviewItem } from '@labshare/contracts';
import { pageOf, type ListPage, type PageRequest } from '@labshare/domain-kit';
import type { BillingDeps } from '../ports';
import { assertFinance } from '../rules/billing-access';

/** Facts waiting for an org or resource billing does not know yet (or, asked for, those since rated). */
export async function listReview(
  deps: BillingDeps,
  principal: Principal,
  status: ReviewItem['status'],
  page: PageRequest<string>,
): Promise<ListPage<ReviewItem, string>> {
  assertFinance(principal);
  return pageOf(
    page,
    (p) => deps.reviews.list(status, p),
    (item) => item.id,
  );
}
