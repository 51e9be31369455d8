import { describe, expect, it } from 'vitest';
import { customerCategory, type OrgKind } from './customer-category';
import { priceTermsFor, type PriceTerms } from './price-terms';
import { minutesBetween, sessionCharge, type SessionOutcome } from './session-charge';

const resource = (billing: 'booked' | 'actual', incrementMinutes = 15, minimumMinutes = 30) => ({
  version: 4,
  policy: { billing },
  rates: {
    currency: 'CNY',
    perHour: {
      internal: 6000,
      university: 30000,
      enterprise: 80000,
      training_body: 25000,
      government: 30000,
      other: 101,
    },
    incrementMinutes,
    minimumMinutes,
  },
});

const terms = (
  billing: 'booked' | 'actual',
  category: PriceTerms['category'] = 'enterprise',
  inc = 15,
  min = 30,
) => priceTermsFor(resource(billing, inc, min), category);

const usage = (usedMinutes: number): SessionOutcome => ({ kind: 'usage', usedMinutes });

describe('sessionCharge', () => {
  it.each([
    ['a quote of the booked hour', terms('actual'), 60, 1, { kind: 'quote' } as const, 80000, 60],
    ['usage on actual minutes under the minimum', terms('actual'), 60, 1, usage(10), 40000, 30],
    ['usage on actual minutes exactly the minimum', terms('actual'), 60, 1, usage(30), 40000, 30],
    ['usage on actual minutes at an increment', terms('actual'), 60, 1, usage(45), 60000, 45],
    ['usage on actual minutes one past an increment', terms('actual'), 60, 1, usage(46), 80000, 60],
    ['usage on actual minutes of zero', terms('actual'), 60, 1, usage(0), 40000, 30],
    ['usage on actual minutes longer than booked', terms('actual'), 60, 1, usage(61), 100000, 75],
    ['usage on the booked span, used less', terms('booked'), 60, 1, usage(5), 80000, 60],
    ['usage on the booked span, used more', terms('booked'), 60, 1, usage(90), 80000, 60],
    ['usage of three units', terms('actual'), 60, 3, usage(60), 240000, 60],
    [
      'a late cancel at 50 %',
      terms('actual'),
      60,
      1,
      { kind: 'late_cancel', feePercent: 50 } as const,
      40000,
      60,
    ],
    ['a late cancel at 0 %', terms('actual'), 60, 1, { kind: 'late_cancel', feePercent: 0 } as const, 0, 60],
    ['a no-show at 100 %', terms('actual'), 60, 2, { kind: 'no_show', feePercent: 100 } as const, 160000, 60],
    [
      'a no-show on a booked span under the minimum',
      terms('booked'),
      10,
      1,
      { kind: 'no_show', feePercent: 100 } as const,
      40000,
      30,
    ],
    ['a free internal session', terms('actual', 'internal'), 60, 1, usage(60), 6000, 60],
  ])(
    'when %s is charged, then it costs the amount on the minutes',
    (_name, t, booked, quantity, outcome, amount, minutes) => {
      expect(sessionCharge(t, { bookedMinutes: booked, quantity, outcome })).toEqual({
        amount,
        currency: 'CNY',
        minutes,
        category: t.category,
        rateCardVersion: 4,
      });
    },
  );

  it.each([
    // 101 fen/h: 30 min = 50.5 → 51; 29 min = 48.83 → 49; 1 min = 1.68 → 2; 59 min = 99.3 → 99
    [30, 51],
    [29, 49],
    [1, 2],
    [59, 99],
    [60, 101],
  ])(
    'when the rate leaves a fraction of a fen at %i minutes, then it rounds half up to %i',
    (used, amount) => {
      const odd = terms('actual', 'other', 1, 0);
      expect(sessionCharge(odd, { bookedMinutes: 60, quantity: 1, outcome: usage(used) }).amount).toBe(
        amount,
      );
    },
  );

  it.each([
    // fee of a 51-fen quote: 50 % = 25.5 → 26; 33 % = 16.83 → 17; 1 % = 0.51 → 1; 0.49 rounds to 0
    [50, 51, 26],
    [33, 51, 17],
    [1, 51, 1],
    [1, 49, 0],
  ])(
    'when a fee of %i %% is taken of a %i-fen quote, then it rounds half up to %i',
    (percent, quote, fee) => {
      const odd = terms('actual', 'other', 1, 0);
      const bookedMinutes = quote === 51 ? 30 : 29;
      const charge = sessionCharge(odd, {
        bookedMinutes,
        quantity: 1,
        outcome: { kind: 'late_cancel', feePercent: percent },
      });
      expect(charge.amount).toBe(fee);
    },
  );

  it.each<[string, string, string, OrgKind, number]>([
    ['the consumer org is the provider org', 'p', 'p', 'enterprise', 6000],
    ['an outside university books', 'p', 'u', 'university', 30000],
    ['an outside enterprise books', 'p', 'e', 'enterprise', 80000],
    ['an outside training body books', 'p', 't', 'training_body', 25000],
  ])('when %s, then its column of the rate card applies', (_name, provider, consumer, kind, amount) => {
    const category = customerCategory(provider, consumer, kind);
    const charge = sessionCharge(priceTermsFor(resource('actual'), category), {
      bookedMinutes: 60,
      quantity: 1,
      outcome: usage(60),
    });
    expect(charge.amount).toBe(amount);
  });

  it('when booking quotes and billing charges a fully used booked-basis session, then they agree', () => {
    const t = terms('booked', 'university');
    const quote = sessionCharge(t, { bookedMinutes: 95, quantity: 2, outcome: { kind: 'quote' } });
    const charge = sessionCharge(t, { bookedMinutes: 95, quantity: 2, outcome: usage(95) });
    expect(charge.amount).toBe(quote.amount);
  });
});

describe('minutesBetween', () => {
  it.each([
    [0, 0, 0],
    [0, 60_000, 1],
    [0, 60_001, 2],
    [0, 59_999, 1],
    [60_000, 0, 0],
  ])('when a span runs from %i to %i ms, then it lasts %i whole minutes', (start, end, minutes) => {
    expect(minutesBetween(start, end)).toBe(minutes);
  });
});
