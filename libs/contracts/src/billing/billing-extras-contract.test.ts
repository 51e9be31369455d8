import { describe, expect, it } from 'vitest';
import { createCreditGrantBody } from './credits';
import { settleSubsidiesBody, subsidyPolicyBody } from './subsidy';
import { openUseQuery } from './open-use';

const policy = {
  currency: 'CNY',
  perHour: { lab: 6_000, equipment: 12_000, classroom: 3_000 },
  consumerMultiplier: { university: 1, enterprise: 1.5, training_body: 1.25, government: 0.5, other: 0.33 },
  capPerProvider: 5_000_000,
};
const grant = {
  orgId: 'firm',
  amount: 100_000,
  fundingSource: 'voucher',
  expiresAt: '2027-01-01T00:00:00+08:00',
};
const fieldsOf = (result: { success: boolean; error?: { issues: { path: (string | number)[] }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => i.path.join('.'));

describe('createCreditGrantBody', () => {
  it('when only the required fields are sent, then it covers 100 % in CNY, expiry as an instant', () => {
    const body = createCreditGrantBody.parse(grant);
    expect(body).toMatchObject({ coversPercent: 100, currency: 'CNY' });
    expect(body.resourceKinds).toBeUndefined();
    expect(body.expiresAt.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it.each([
    ['a zero amount', { amount: 0 }, ['amount']],
    ['a fractional amount', { amount: 10.5 }, ['amount']],
    ['0 % cover', { coversPercent: 0 }, ['coversPercent']],
    ['101 % cover', { coversPercent: 101 }, ['coversPercent']],
    ['an unknown kind', { resourceKinds: ['boat'] }, ['resourceKinds.0']],
    ['a repeated kind', { resourceKinds: ['lab', 'lab'] }, ['resourceKinds']],
    ['an expiry without offset', { expiresAt: '2027-01-01T00:00:00' }, ['expiresAt']],
    ['an unknown field', { balance: 5 }, ['']],
  ])('when the grant has %s, then the error names %j', (_name, change, fields) => {
    expect(fieldsOf(createCreditGrantBody.safeParse({ ...grant, ...change }))).toEqual(fields);
  });
});

describe('subsidyPolicyBody', () => {
  it.each([
    ['the contract example', {}, []],
    ['a period', { period: '2026-12' }, []],
    [
      'a multiplier with three decimals',
      { consumerMultiplier: { ...policy.consumerMultiplier, other: 0.333 } },
      ['consumerMultiplier.other'],
    ],
    [
      'a negative multiplier',
      { consumerMultiplier: { ...policy.consumerMultiplier, other: -1 } },
      ['consumerMultiplier.other'],
    ],
    ['a fractional rate', { perHour: { ...policy.perHour, lab: 0.5 } }, ['perHour.lab']],
    ['a missing kind', { perHour: { lab: 1, equipment: 1 } }, ['perHour.classroom']],
    ['a bad period', { period: '2026-13' }, ['period']],
  ])('when the policy has %s, then the errors are %j', (_name, change, fields) => {
    expect(fieldsOf(subsidyPolicyBody.safeParse({ ...policy, ...change }))).toEqual(fields);
  });
});

describe('period queries', () => {
  it.each([
    [settleSubsidiesBody, { period: '2026-12' }, true],
    [settleSubsidiesBody, { period: '2026-12', providerOrgId: 'uni' }, true],
    [settleSubsidiesBody, {}, false],
    [openUseQuery, { period: '2026-1' }, false],
  ])('when %#, then it is accepted: %s', (schema, input, ok) => {
    expect(schema.safeParse(input).success).toBe(ok);
  });
});
