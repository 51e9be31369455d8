import { describe, expect, it } from 'vitest';
import { billableMinutes, customerCategory, percentOf, priceForMinutes, type RateCardTerms } from './index';

const terms: RateCardTerms = {
  currency: 'CNY',
  perHour: {
    internal: 0,
    university: 30000,
    enterprise: 80000,
    training_body: 25000,
    government: 30000,
    other: 80000,
  },
  incrementMinutes: 30,
  minimumMinutes: 60,
};

describe('pricing', () => {
  it('when use is shorter than the minimum, then the minimum is charged', () => {
    expect(billableMinutes(20, terms)).toBe(60);
    expect(priceForMinutes(20, 'enterprise', terms)).toEqual({ amount: 80000, currency: 'CNY' });
  });

  it('when use is between increments, then it is rounded up to the next increment', () => {
    expect(billableMinutes(61, terms)).toBe(90);
    expect(priceForMinutes(61, 'university', terms).amount).toBe(45000);
  });

  it('when the rate does not divide evenly, then the fen is rounded half up', () => {
    const odd = {
      ...terms,
      perHour: { ...terms.perHour, other: 101 },
      incrementMinutes: 1,
      minimumMinutes: 0,
    };
    expect(priceForMinutes(30, 'other', odd).amount).toBe(51); // 50.5 → 51
    expect(priceForMinutes(29, 'other', odd).amount).toBe(49); // 48.8 → 49
  });

  it('when booker and provider are the same org, then the internal column applies', () => {
    expect(customerCategory('a', 'a', 'enterprise')).toBe('internal');
    expect(customerCategory('a', 'b', 'training_body')).toBe('training_body');
  });

  it('when a fee percent applies, then it is rounded half up', () => {
    expect(percentOf(80001, 50)).toBe(40001);
    expect(percentOf(80000, 100)).toBe(80000);
  });
});
