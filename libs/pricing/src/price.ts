import type { CustomerCategory } from './customer-category';

export interface RateCardTerms {
  currency: string;
  perHour: Record<CustomerCategory, number>;
  incrementMinutes: number;
  minimumMinutes: number;
}

/** Minutes charged: rounded up to the increment, and at least the minimum. */
export function billableMinutes(
  minutes: number,
  terms: Pick<RateCardTerms, 'incrementMinutes' | 'minimumMinutes'>,
): number {
  const increment = Math.max(1, terms.incrementMinutes);
  const rounded = Math.ceil(Math.max(0, minutes) / increment) * increment;
  return Math.max(rounded, terms.minimumMinutes);
}

/**
 * Price of `minutes` of use in integer minor units: rate × billable minutes / 60, rounded half up
 * to the fen. Integer arithmetic throughout; amounts stay far below 2^53.
 */
export function priceForMinutes(
  minutes: number,
  category: CustomerCategory,
  terms: RateCardTerms,
): { amount: number; currency: string } {
  return amountAtRate(terms.perHour[category], minutes, terms);
}

/** The same, at one hourly rate (a rate card's column already chosen). */
export function amountAtRate(
  perHour: number,
  minutes: number,
  terms: Pick<RateCardTerms, 'currency' | 'incrementMinutes' | 'minimumMinutes'>,
): { amount: number; currency: string } {
  return {
    amount: divideRoundHalfUp(perHour * billableMinutes(minutes, terms), 60),
    currency: terms.currency,
  };
}

/** `percent` % of an integer amount, rounded half up (late-cancel and no-show fees). */
export function percentOf(amount: number, percent: number): number {
  return divideRoundHalfUp(amount * percent, 100);
}

function divideRoundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((numerator * 2 + denominator) / (denominator * 2));
}
