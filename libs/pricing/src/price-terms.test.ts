import { describe, expect, it } from 'vitest';
import { chargeFor, priceTermsFor, type PriceTerms } from './price-terms';

const resource = {
  version: 7,
  policy: { billing: 'actual' as const },
  rates: {
    currency: 'CNY',
    perHour: {
      internal: 0,
      university: 30000,
      enterprise: 80000,
      training_body: 25000,
      government: 30000,
      other: 1,
    },
    incrementMinutes: 15,
    minimumMinutes: 30,
  },
};

describe('priceTermsFor', () => {
  it('when terms are fixed for a category, then they carry its hourly rate, the rounding rules, the basis and the version', () => {
    expect(priceTermsFor(resource, 'training_body')).toEqual({
      category: 'training_body',
      perHour: 25000,
      currency: 'CNY',
      incrementMinutes: 15,
      minimumMinutes: 30,
      basis: 'actual',
      rateCardVersion: 7,
    });
  });
});

describe('chargeFor', () => {
  const terms: PriceTerms = priceTermsFor(resource, 'enterprise');

  it.each([
    ['under the minimum', 10, 1, 40000],
    ['exactly the minimum', 30, 1, 40000],
    ['one minute past an increment', 31, 1, 60000],
    ['an hour for three units', 60, 3, 240000],
    ['no time at all (the minimum still applies)', 0, 1, 40000],
  ])('when %s is charged, then %i minutes × %i units cost %i fen', (_name, minutes, quantity, amount) => {
    expect(chargeFor(terms, minutes, quantity)).toMatchObject({ amount, currency: 'CNY' });
  });

  it('when the rate leaves half a fen, then it rounds half up', () => {
    const odd = { ...priceTermsFor(resource, 'other'), perHour: 101, incrementMinutes: 1, minimumMinutes: 0 };
    expect(chargeFor(odd, 30, 1).amount).toBe(51);
    expect(chargeFor(odd, 30, 2).amount).toBe(102);
  });
});
