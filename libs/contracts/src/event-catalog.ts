import { bookingEventData, bookingEventTypes } from './booking';
import {
  qualificationEventData,
  qualificationEventTypes,
  sessionCheckedInData,
  sessionEventTypes,
  usageRecordEventData,
  usageRecordTypes,
} from './access';
import { billingEventData, billingEventTypes } from './billing';
import { orgEventData, orgEventTypes, resourceEventData, resourceEventTypes } from './inventory';
import { topics } from './topics';
import type { z } from './zod';

export interface CatalogEntry {
  topic: string;
  owner: string;
  types: string[];
  data: z.ZodTypeAny;
  /** Name of the data schema in the AsyncAPI document. */
  schemaName: string;
}

/** Every event on the bus: its topic, its owning service, its types and its data schema. */
export const eventCatalog: CatalogEntry[] = [
  {
    topic: topics.orgs,
    owner: 'inventory',
    types: Object.values(orgEventTypes),
    data: orgEventData,
    schemaName: 'OrgEventData',
  },
  {
    topic: topics.resources,
    owner: 'inventory',
    types: Object.values(resourceEventTypes),
    data: resourceEventData,
    schemaName: 'ResourceEventData',
  },
  {
    topic: topics.bookings,
    owner: 'booking',
    types: Object.values(bookingEventTypes),
    data: bookingEventData,
    schemaName: 'BookingEventData',
  },
  {
    topic: topics.qualifications,
    owner: 'access',
    types: Object.values(qualificationEventTypes),
    data: qualificationEventData,
    schemaName: 'QualificationEventData',
  },
  {
    topic: topics.sessions,
    owner: 'access',
    types: Object.values(sessionEventTypes),
    data: sessionCheckedInData,
    schemaName: 'SessionCheckedInData',
  },
  {
    topic: topics.usage,
    owner: 'access',
    types: Object.values(usageRecordTypes),
    data: usageRecordEventData,
    schemaName: 'UsageRecordEventData',
  },
  {
    topic: topics.billing,
    owner: 'billing',
    types: Object.values(billingEventTypes),
    data: billingEventData,
    schemaName: 'BillingEventData',
  },
];
