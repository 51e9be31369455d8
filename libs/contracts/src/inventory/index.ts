export { orgKinds, orgKind, customerCategories, createOrgBody, patchOrgBody, org } from './org';
export type { OrgKind, CustomerCategory, CreateOrgBody, PatchOrgBody, Org } from './org';
export {
  resourceKinds,
  resourceKind,
  resourceStatus,
  approvalMode,
  billingMode,
  minorAmount,
  wallClock,
  ianaTimeZone,
  openingWindow,
  resourceLocation,
  bookingPolicy,
  perHourRates,
  rateCard,
  resourceQuota,
  blackout,
  resource,
} from './resource';
export type { OpeningWindow, BookingPolicy, RateCard, Blackout, Resource } from './resource';
export {
  policyDefaults,
  resourceDefaults,
  createResourceBody,
  patchResourceBody,
  listResourcesQuery,
  queryFlag,
} from './resource-input';
export type {
  CreateResourceBody,
  ResourceSpec,
  PatchResourceBody,
  ListResourcesQuery,
} from './resource-input';
export { createBlackoutBody, blackoutCreated } from './blackout-input';
export type { CreateBlackoutBody, BlackoutCreated } from './blackout-input';
export { importResourcesQuery, importResourcesBody, importRowError, importReport } from './resource-import';
export type { ImportRowError, ImportReport } from './resource-import';
export { orgEventTypes, orgEventData, resourceEventTypes, resourceEventData, isNewerVersion } from './events';
export type { OrgEventData, ResourceEventType, ResourceEventData } from './events';
