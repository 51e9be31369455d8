import { z } from '../zod';
import { utc } from '../common';
import { customerCategories } from './org';

/**
 * The stored resource, as `GET /v1/resources/:id` answers and as every resource event carries it
 * (the full snapshot). Field rules live here so requests, events and read models agree on them.
 */

export const resourceKinds = ['lab', 'equipment', 'classroom'] as const;
export const resourceKind = z.enum(resourceKinds).openapi('ResourceKind');
export const resourceStatus = z.enum(['active', 'retired']).openapi('ResourceStatus');
export const approvalMode = z.enum(['none', 'external', 'all']);
export const billingMode = z.enum(['booked', 'actual']);

const MINUTES_PER_DAY = 1440;

const wholeMinutes = (max: number) => z.number().int('must be a whole number of minutes').min(0).max(max);
const percent = z.number().int('must be a whole percentage').min(0).max(100);
/** Integer minor units (fen): never floating point, never negative. */
export const minorAmount = z
  .number()
  .int('must be an integer amount of minor units')
  .min(0, 'must not be negative')
  .max(Number.MAX_SAFE_INTEGER);

/** Local wall-clock `HH:MM`; `24:00` is the next local midnight (an end only). */
export const wallClock = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a wall-clock time HH:MM between 00:00 and 24:00');

function isIanaZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const ianaTimeZone = z
  .string()
  .max(64)
  .refine(isIanaZone, 'must be an IANA time zone such as Asia/Shanghai');

export const openingWindow = z
  .object({
    rrule: z.string().trim().min(1).max(500).openapi({ example: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' }),
    start: wallClock.openapi({ example: '08:00' }),
    end: wallClock.openapi({ example: '18:00' }),
  })
  .openapi('OpeningWindow', {
    description:
      'The RRULE (no DTSTART; anchored at the local date 2000-01-03) selects local dates; each gets the local window start–end.',
  });
export type OpeningWindow = z.infer<typeof openingWindow>;

export const resourceLocation = z
  .object({
    campus: z.string().trim().max(200),
    building: z.string().trim().max(200),
    room: z.string().trim().max(200),
  })
  .openapi('Location');

export const bookingPolicy = z
  .object({
    slotMinutes: z
      .number()
      .int('must be a whole number of minutes')
      .min(1)
      .max(MINUTES_PER_DAY)
      .refine((v) => MINUTES_PER_DAY % v === 0, 'must divide the day (1440 minutes) evenly'),
    minMinutes: wholeMinutes(366 * MINUTES_PER_DAY).min(1),
    maxMinutes: wholeMinutes(366 * MINUTES_PER_DAY).min(1),
    leadMinutes: wholeMinutes(366 * MINUTES_PER_DAY),
    horizonDays: z.number().int('must be a whole number of days').min(1).max(3660),
    bufferMinutes: wholeMinutes(MINUTES_PER_DAY),
    approval: approvalMode,
    freeCancelMinutes: wholeMinutes(366 * MINUTES_PER_DAY),
    lateCancelFeePercent: percent,
    noShowGraceMinutes: wholeMinutes(MINUTES_PER_DAY),
    noShowFeePercent: percent,
    passEarlyMinutes: wholeMinutes(MINUTES_PER_DAY),
    billing: billingMode,
  })
  .openapi('BookingPolicy');
export type BookingPolicy = z.infer<typeof bookingPolicy>;

const categoryShape = Object.fromEntries(customerCategories.map((c) => [c, minorAmount])) as Record<
  (typeof customerCategories)[number],
  typeof minorAmount
>;
export const perHourRates = z.object(categoryShape).openapi('PerHourRates');

export const rateCard = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
    perHour: perHourRates,
    incrementMinutes: wholeMinutes(MINUTES_PER_DAY).min(1),
    minimumMinutes: wholeMinutes(366 * MINUTES_PER_DAY),
  })
  .openapi('RateCard');
export type RateCard = z.infer<typeof rateCard>;

/** Per consumer org, in the resource's time zone; an absent limit is no limit. */
export const resourceQuota = z
  .object({
    hoursPerWeek: z.number().positive().max(168).optional(),
    hoursPerMonth: z.number().positive().max(744).optional(),
  })
  .openapi('Quota');

export const qualifications = z
  .array(z.string().trim().min(1).max(100))
  .max(50)
  .refine((list) => new Set(list).size === list.length, 'must not repeat an entry');

export const blackout = z
  .object({
    id: z.string(),
    resourceId: z.string(),
    start: utc,
    end: utc,
    reason: z.string(),
    createdAt: utc,
  })
  .openapi('Blackout');
export type Blackout = z.infer<typeof blackout>;

export const resource = z
  .object({
    id: z.string(),
    orgId: z.string(),
    kind: resourceKind,
    name: z.string(),
    description: z.string(),
    location: resourceLocation.optional(),
    capacity: z.number().int().min(1),
    timezone: z.string(),
    shared: z.boolean(),
    openingHours: z.array(openingWindow).openapi({ description: 'Empty: always open.' }),
    policy: bookingPolicy,
    rates: rateCard,
    requiredQualifications: z.array(z.string()),
    quota: resourceQuota,
    blackouts: z.array(blackout),
    status: resourceStatus,
    version: z.number().int().min(1),
    createdAt: utc,
    updatedAt: utc,
  })
  .openapi('Resource');
export type Resource = z.infer<typeof resource>;
