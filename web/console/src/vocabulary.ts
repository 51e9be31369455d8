import { DateTime } from 'luxon';
import type { Org, Resource } from './api-types';

// The contracts' closed sets as the console's pickers list them. Each is typed against the
// contract, so a value the API does not know fails to compile (the Zod modules stay out of the bundle).
export const resourceKinds: readonly Resource['kind'][] = ['lab', 'equipment', 'classroom'];
export const approvalModes: readonly Resource['policy']['approval'][] = ['none', 'external', 'all'];
export const orgKinds: readonly Org['kind'][] = [
  'university',
  'enterprise',
  'training_body',
  'government',
  'other',
];
export const customerCategories: readonly (keyof Resource['rates']['perHour'])[] = ['internal', ...orgKinds];

/** A new resource's zone, as the API defaults it. */
export const DEFAULT_ZONE = 'Asia/Shanghai';
/** Billing months are calendar months in the billing zone (billing's default, Asia/Shanghai). */
export const BILLING_ZONE = 'Asia/Shanghai';

export function currentPeriod(): string {
  return DateTime.now().setZone(BILLING_ZONE).toFormat('yyyy-MM');
}
