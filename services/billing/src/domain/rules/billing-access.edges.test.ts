import type { Principal, Role } from '@labshare/contracts';
import { AppError } from '@labshare/errors';
import { describe, expect, it } from 'vitest';
import { assertAdmin, assertFinance, assertMaySeeOrg } from './billing-access';

const caller = (org: string, ...roles: Role[]): Principal => ({ sub: 'u-1', org, roles });

/** What the caller is told when refused (status and detail), or undefined when let through. */
function refusal(check: () => void): { status: number; detail: string } | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const { status, message } = error as AppError;
    return { status, detail: message };
  }
}

const finance = { status: 403, detail: 'Only finance or an admin may do this.' };
const admin = { status: 403, detail: 'Only an admin may do this.' };

describe('assertMaySeeOrg', () => {
  it.each([
    ['finance of another org', caller('bank', 'finance')],
    ['an admin of another org', caller('zone', 'admin')],
    ['a booker of the org itself', caller('c', 'booker')],
    ['a member of the org with no role', caller('c')],
  ])("when %s asks for org c's billing, then it may see it", (_name, principal) => {
    expect(refusal(() => assertMaySeeOrg(principal, 'c'))).toBeUndefined();
  });

  it.each([
    ['a booker of another org', caller('p', 'booker')],
    ["another org's org_admin", caller('p', 'org_admin')],
    ['a device of another org', caller('p', 'device')],
  ])("when %s asks for org c's billing, then it is refused with 403 and told who may", (_name, principal) => {
    expect(refusal(() => assertMaySeeOrg(principal, 'c'))).toEqual({
      status: 403,
      detail: "Only finance, an admin or the org's own members may see its billing.",
    });
  });
});

describe('assertFinance', () => {
  it.each([
    ['finance', caller('bank', 'finance'), undefined],
    ['an admin', caller('zone', 'admin'), undefined],
    ['an org_admin', caller('c', 'org_admin'), finance],
    ['a booker', caller('c', 'booker'), finance],
  ])(
    'when %s issues statements or reads the review list, then only finance and admins pass',
    (_name, principal, answer) => {
      expect(refusal(() => assertFinance(principal))).toEqual(answer);
    },
  );
});

describe('assertAdmin', () => {
  it.each([
    ['an admin', caller('zone', 'admin'), undefined],
    ['finance', caller('bank', 'finance'), admin],
    ['an org_admin', caller('c', 'org_admin'), admin],
  ])(
    'when %s grants credits or sets the subsidy policy, then only admins pass',
    (_name, principal, answer) => {
      expect(refusal(() => assertAdmin(principal))).toEqual(answer);
    },
  );
});
