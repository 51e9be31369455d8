import type { Principal, Qualification } from '@labshare/contracts';
import { pageOf, type ListPage, type PageRequest } from '@labshare/domain-kit';
import type { AccessDeps } from '../ports';
import { visibleQualifications } from '../rules/qualifications';

/** An org_admin lists its org's grants (of one user, or all); anyone else their own qualifications. */
export function listQualifications(
  deps: AccessDeps,
  caller: Principal,
  userId: string | undefined,
  page: PageRequest<string>,
): Promise<ListPage<Qualification, string>> {
  const filter = visibleQualifications(caller, userId);
  return pageOf(
    page,
    (p) => deps.qualifications.list(filter, p),
    (q) => q.id,
  );
}
