import { describe, expect, it } from 'vitest';
import { aLine } from './test-fixtures';
import { openStatement, statementLineOf } from './statements';

const listed = {
  entryId: 'usage:u-1',
  kind: 'usage',
  bookingId: 'b-1',
  resourceId: 'r-1',
  counterpartyOrgId: 'p',
  amount: 1000,
  servicePeriod: '2026-12',
  createdAt: '2026-12-01T02:50:01.000Z',
};

describe('statementLineOf', () => {
  it.each([
    ['a line without rate card or minutes', aLine(), listed],
    [
      'a line with both',
      aLine({ rateCardVersion: 3, minutes: 60 }),
      { ...listed, rateCardVersion: 3, minutes: 60 },
    ],
    [
      'a line of rate card 0 and 0 minutes',
      aLine({ rateCardVersion: 0, minutes: 0 }),
      { ...listed, rateCardVersion: 0, minutes: 0 },
    ],
  ])('when a statement lists %s, then it shows exactly those fields', (_name, line, shown) => {
    expect(statementLineOf(line)).toStrictEqual(shown);
  });
});

describe('openStatement (currency)', () => {
  it.each([
    ['no lines', [], 'CNY'],
    ['lines in CNY', [aLine()], 'CNY'],
    ['lines in USD', [aLine({ currency: 'USD' })], 'USD'],
  ])('when the month holds %s, then the statement is in %s', (_name, lines, currency) => {
    expect(openStatement('c', '2026-12', lines).currency).toBe(currency);
  });

  it.each([
    [
      'a charge with a partial credit',
      [aLine(), aLine({ id: 'credit:usage:u-1:g1', kind: 'credit_applied', amount: -600 })],
      1000,
      600,
      400,
    ],
    [
      'a charge, a reversal and a credit',
      [
        aLine(),
        aLine({ id: 'reversal:x', kind: 'adjustment', amount: -1000 }),
        aLine({ id: 'usage:u-2', amount: 500 }),
        aLine({ id: 'credit:usage:u-2:g1', kind: 'credit_applied', amount: -500 }),
      ],
      500,
      500,
      0,
    ],
  ])(
    'when the month holds %s, then gross, credits and net = gross − credits',
    (_name, lines, gross, credits, net) => {
      expect(openStatement('c', '2026-12', lines)).toMatchObject({ gross, credits, net, total: net });
    },
  );
});
