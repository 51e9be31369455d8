import { z } from '../zod';
import { billingPeriod } from './ledger';

export const openUseQuery = z.object({ period: billingPeriod }).strict();

/**
 * One provider's shared resources in a period (whole unit-minutes): `openMinutes` = opening hours
 * minus blackouts × capacity; `bookedMinutes` = confirmed and no-show bookings × quantity;
 * `usedMinutes` = sessions ending in the period × quantity, `externalMinutes` those of other orgs;
 * `utilisation` = used / open (4 decimals); `outsideOrgs` = distinct other orgs served.
 */
export const openUseLine = z
  .object({
    providerOrgId: z.string(),
    sharedResources: z.number().int().min(0),
    openMinutes: z.number().int().min(0),
    bookedMinutes: z.number().int().min(0),
    usedMinutes: z.number().int().min(0),
    externalMinutes: z.number().int().min(0),
    utilisation: z.number().min(0),
    outsideOrgs: z.number().int().min(0),
  })
  .openapi('OpenUseLine');
export type OpenUseLineView = z.infer<typeof openUseLine>;

/** `GET /v1/reports/open-use?period=`: every provider with a shared resource, sorted by org id. */
export const openUseReport = z
  .object({ period: billingPeriod, items: z.array(openUseLine) })
  .openapi('OpenUseReport');
export type OpenUseReportView = z.infer<typeof openUseReport>;
