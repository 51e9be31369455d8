import type { GrantQualificationBody, Principal, Qualification } from '@labshare/contracts';
import type { AccessDeps } from '../ports';
import { qualificationEvent } from '../rules/access-events';
import { grant } from '../rules/qualifications';
import { eventContext } from '../support/lookups';

/** An org_admin grants a qualification in its org's name; booking learns it from the event. */
export async function grantQualification(
  deps: AccessDeps,
  caller: Principal,
  body: GrantQualificationBody,
): Promise<Qualification> {
  const context = eventContext(deps);
  const qualification = grant(caller, { id: deps.newId(), ...body }, context.now);
  await deps.qualifications.insert(qualification, [qualificationEvent('granted', qualification, context)]);
  return qualification;
}
