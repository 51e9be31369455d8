import { describe, expect, it } from 'vitest';
import { priceTermsFor } from './price-terms';
import { sessionCharge, type SessionOutcome } from './session-charge';

const terms = priceTermsFor(
  {
    version: 2,
    policy: { billing: 'booked' },
    rates: {
      currency: 'CNY',
      perHour: {
        internal: 0,
        university: 0,
        enterprise: 12000,
        training_body: 0,
        government: 0,
        other: 0,
      },
      incrementMinutes: 15,
      minimumMinutes: 0,
    },
  },
  'enterprise',
);

describe('sessionCharge fees: a percentage of the quote, whichever fee it is', () => {
  it.each([
    ['a late cancel at 50 %', { kind: 'late_cancel', feePercent: 50 }, 3000],
    ['a no-show at 50 %', { kind: 'no_show', feePercent: 50 }, 3000],
    ['a no-show at 25 %', { kind: 'no_show', feePercent: 25 }, 1500],
    ['a no-show at 0 %', { kind: 'no_show', feePercent: 0 }, 0],
  ] as [string, SessionOutcome, number][])(
    'when %s of a 30-minute, 60.00 CNY booking is charged, then it is %i fen',
    (_name, outcome, amount) => {
      expect(sessionCharge(terms, { bookedMinutes: 30, quantity: 1, outcome }).amount).toBe(amount);
    },
  );
});
