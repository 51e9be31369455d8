export { customerCategory, type CustomerCategory, type OrgKind } from './customer-category';
export { priceForMinutes, billableMinutes, percentOf, type RateCardTerms } from './price';
