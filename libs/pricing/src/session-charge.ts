import { chargeFor, type PriceTerms } from './price-terms';
import { percentOf } from './price';

/**
 * How a booked session ended, as far as money goes:
 * - `quote`: booking's price of the booked span (what the booker sees when booking);
 * - `usage`: a closed session, charged on the booked span or the minutes used, per `terms.basis`;
 * - `late_cancel` / `no_show`: a fee of `feePercent` % of the quote.
 */
export type SessionOutcome =
  | { kind: 'quote' }
  | { kind: 'usage'; usedMinutes: number }
  | { kind: 'late_cancel'; feePercent: number }
  | { kind: 'no_show'; feePercent: number };

export interface SessionFacts {
  /** The booked span in whole minutes (see `minutesBetween`). */
  bookedMinutes: number;
  quantity: number;
  outcome: SessionOutcome;
}

export interface SessionCharge {
  /** Integer minor units. */
  amount: number;
  currency: string;
  /** The minutes the rate was applied to, after the increment and the minimum. */
  minutes: number;
  category: PriceTerms['category'];
  rateCardVersion: number;
}

/**
 * THE price of a session: booking's quote and billing's charges both come from here, so they cannot
 * disagree. Rounding rule: minutes are rounded up to `incrementMinutes` and raised to
 * `minimumMinutes`; the amount per unit is rate × minutes / 60 rounded half up to the minor unit,
 * then multiplied by the quantity; a fee is `feePercent` % of the quote, rounded half up. All
 * integer arithmetic.
 */
export function sessionCharge(terms: PriceTerms, facts: SessionFacts): SessionCharge {
  const { outcome } = facts;
  const minutes =
    outcome.kind === 'usage' && terms.basis === 'actual' ? outcome.usedMinutes : facts.bookedMinutes;
  const charged = chargeFor(terms, minutes, facts.quantity);
  const amount =
    outcome.kind === 'late_cancel' || outcome.kind === 'no_show'
      ? percentOf(charged.amount, outcome.feePercent)
      : charged.amount;
  return {
    amount,
    currency: charged.currency,
    minutes: charged.minutes,
    category: terms.category,
    rateCardVersion: terms.rateCardVersion,
  };
}

/** Whole minutes from `start` to `end` (epoch ms), a started minute counting as a whole one. */
export function minutesBetween(start: number, end: number): number {
  return Math.max(0, Math.ceil((end - start) / 60_000));
}
