import type { CustomerCategory } from './customer-category';
import { amountAtRate, billableMinutes, type RateCardTerms } from './price';

/**
 * The terms one booking is priced on, fixed by booking when the booking is made (or moved) and
 * carried with it to access and billing: billing charges on exactly the terms booking quoted, so
 * the quote and the charge can never disagree, and each charge names the rate-card version used.
 */
export interface PriceTerms {
  category: CustomerCategory;
  /** Minor units per hour, for `category`. */
  perHour: number;
  currency: string;
  incrementMinutes: number;
  minimumMinutes: number;
  /** The resource's policy: charge the booked span, or the minutes actually used. */
  basis: 'booked' | 'actual';
  /** The resource version whose rate card these come from. */
  rateCardVersion: number;
}

export function priceTermsFor(
  resource: { rates: RateCardTerms; policy: { billing: 'booked' | 'actual' }; version: number },
  category: CustomerCategory,
): PriceTerms {
  const { rates } = resource;
  return {
    category,
    perHour: rates.perHour[category],
    currency: rates.currency,
    incrementMinutes: rates.incrementMinutes,
    minimumMinutes: rates.minimumMinutes,
    basis: resource.policy.billing,
    rateCardVersion: resource.version,
  };
}

/**
 * The price of `minutes` for `quantity` units on these terms (rounded up to the increment, at least
 * the minimum), with the minutes charged. Flows use `sessionCharge`, which picks the minutes.
 */
export function chargeFor(
  terms: PriceTerms,
  minutes: number,
  quantity: number,
): { amount: number; currency: string; minutes: number } {
  const unit = amountAtRate(terms.perHour, minutes, terms);
  return {
    amount: unit.amount * quantity,
    currency: unit.currency,
    minutes: billableMinutes(minutes, terms),
  };
}
