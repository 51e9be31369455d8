export { customerCategory, type CustomerCategory, type OrgKind } from './customer-category';
export { priceForMinutes, amountAtRate, billableMinutes, percentOf, type RateCardTerms } from './price';
export { priceTermsFor, chargeFor, type PriceTerms } from './price-terms';
export {
  sessionCharge,
  minutesBetween,
  type SessionCharge,
  type SessionFacts,
  type SessionOutcome,
} from './session-charge';
