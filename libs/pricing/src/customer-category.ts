export type OrgKind = 'university' | 'enterprise' | 'training_body' | 'government' | 'other';
export type CustomerCategory = 'internal' | OrgKind;

/** The rate-card column a booker pays: `internal` within the provider's own org, else by org kind. */
export function customerCategory(
  providerOrgId: string,
  consumerOrgId: string,
  consumerKind: OrgKind,
): CustomerCategory {
  return providerOrgId === consumerOrgId ? 'internal' : consumerKind;
}
