import { describe, expect, it } from 'vitest';
import type { LedgerLine } from './ledger-lines';
import { issuedStatement, openStatement, statementNumber } from './statements';

const line = (id: string, kind: LedgerLine['kind'], amount: number): LedgerLine => ({
  id,
  kind,
  consumerOrgId: 'c',
  providerOrgId: 'p',
  amount,
  currency: 'CNY',
  bookingId: 'b',
  resourceId: 'r',
  period: '2026-12',
  servicePeriod: '2026-12',
  createdAt: 0,
  sourceEventId: id,
});

describe('openStatement', () => {
  it.each([
    ['no lines', [], 0, 0, 0],
    ['usage and a fee', [line('a', 'usage', 1000), line('b', 'no_show_fee', 500)], 1500, 0, 1500],
    ['a credit covering part', [line('a', 'usage', 1000), line('c', 'credit_applied', -600)], 1000, 600, 400],
    ['an adjustment', [line('a', 'usage', 1000), line('d', 'adjustment', 250)], 1250, 0, 1250],
    [
      'a corrected, credited charge',
      [
        line('a', 'usage', 1000),
        line('c', 'credit_applied', -1000),
        { ...line('ra', 'adjustment', -1000), origin: 'usage' as const },
        { ...line('rc', 'adjustment', 1000), origin: 'credit_applied' as const },
        line('b', 'usage', 400),
        line('cb', 'credit_applied', -400),
      ],
      400,
      400,
      0,
    ],
  ])('when the month holds %s, then gross, credits and net add up', (_name, lines, gross, credits, net) => {
    const statement = openStatement('c', '2026-12', lines);
    expect(statement).toMatchObject({ status: 'open', gross, credits, net, total: net });
    expect(statement.lines.reduce((sum, l) => sum + l.amount, 0)).toBe(net);
  });

  it('when it is issued, then it carries the number, the time and the org as it was', () => {
    const issued = issuedStatement(
      openStatement('c', '2026-12', [line('a', 'usage', 1000)]),
      { id: 'c', name: 'Acme', kind: 'enterprise', version: 2, createdAt: '', updatedAt: '' },
      statementNumber('2026-12', 7),
      Date.parse('2027-01-01T01:00:00Z'),
    );
    expect(issued).toMatchObject({
      status: 'issued',
      number: 'LS-202612-000007',
      issuedAt: '2027-01-01T01:00:00.000Z',
      org: { name: 'Acme', kind: 'enterprise' },
      total: 1000,
    });
  });
});
