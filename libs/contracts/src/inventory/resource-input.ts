import { z } from '../zod';
import { customerCategories } from './org';
import {
  bookingPolicy,
  ianaTimeZone,
  openingWindow,
  perHourRates,
  qualifications,
  rateCard,
  resourceKind,
  resourceLocation,
  resourceQuota,
  type BookingPolicy,
} from './resource';

/** Every optional field of a new resource and the value it gets when left out. */
export const policyDefaults: BookingPolicy = {
  slotMinutes: 30,
  minMinutes: 30,
  maxMinutes: 480,
  leadMinutes: 0,
  horizonDays: 90,
  bufferMinutes: 0,
  approval: 'none',
  freeCancelMinutes: 1440,
  lateCancelFeePercent: 50,
  noShowGraceMinutes: 15,
  noShowFeePercent: 100,
  passEarlyMinutes: 10,
  billing: 'booked',
};

export const resourceDefaults = {
  description: '',
  capacity: 1,
  timezone: 'Asia/Shanghai',
  shared: true,
  /** Empty: always open. */
  openingHours: [] as z.infer<typeof openingWindow>[],
  policy: policyDefaults,
  rates: {
    currency: 'CNY',
    /** A category left out is free (0): set every category a provider charges. */
    perHour: Object.fromEntries(customerCategories.map((c) => [c, 0])) as Record<
      (typeof customerCategories)[number],
      number
    >,
    incrementMinutes: 15,
    minimumMinutes: 0,
  },
  requiredQualifications: [] as string[],
  /** No limits. */
  quota: {},
  /** Each part of a given location defaults to ''; an absent location stays absent. */
  location: { campus: '', building: '', room: '' },
};

type Defaulted<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodDefault<S[K]> };

/** The same field rules with every field optional and filled from `defaults` when left out. */
function withDefaults<S extends z.ZodRawShape>(shape: S, defaults: { [K in keyof S]: z.input<S[K]> }) {
  const fields = Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [key, schema.default(defaults[key as keyof S])]),
  );
  return z.object(fields as Defaulted<S>).strict();
}

const resourceName = z.string().trim().min(1).max(200);
const description = z.string().trim().max(4000);
const capacity = z.number().int('must be a whole number').min(1).max(100_000);
/**
 * Input variants of the stored shapes, made fresh from their fields: a request refuses unknown keys
 * (`.strict()`), while events and stored records stay lenient for forward compatibility. Deriving
 * them with `.strict()` from the registered schemas would document them as
 * `allOf: [$ref, { additionalProperties: false }]`, which no valid body satisfies.
 */
const strictInput = <S extends z.ZodRawShape>(schema: z.ZodObject<S>) => z.object(schema.shape).strict();
const openingHours = z.array(strictInput(openingWindow)).max(50);

const rateCardInput = z
  .object({
    currency: rateCard.shape.currency.default(resourceDefaults.rates.currency),
    perHour: withDefaults(perHourRates.shape, resourceDefaults.rates.perHour).default({}),
    incrementMinutes: rateCard.shape.incrementMinutes.default(resourceDefaults.rates.incrementMinutes),
    minimumMinutes: rateCard.shape.minimumMinutes.default(resourceDefaults.rates.minimumMinutes),
  })
  .strict();

export const createResourceBody = z
  .object({
    orgId: z.string().min(1).max(100),
    kind: resourceKind,
    name: resourceName,
    description: description.default(resourceDefaults.description),
    location: withDefaults(resourceLocation.shape, resourceDefaults.location).optional(),
    capacity: capacity.default(resourceDefaults.capacity),
    timezone: ianaTimeZone.default(resourceDefaults.timezone),
    shared: z.boolean().default(resourceDefaults.shared),
    openingHours: openingHours.default(resourceDefaults.openingHours),
    policy: withDefaults(bookingPolicy.shape, policyDefaults).default({}),
    rates: rateCardInput.default({}),
    requiredQualifications: qualifications.default(resourceDefaults.requiredQualifications),
    quota: strictInput(resourceQuota).default(resourceDefaults.quota),
  })
  .strict()
  .openapi('CreateResourceBody');
export type CreateResourceBody = z.input<typeof createResourceBody>;
/** A resource's own description, every default applied: what a provider controls. */
export type ResourceSpec = z.output<typeof createResourceBody>;

/**
 * Partial update. `policy`, `rates` (and `rates.perHour`) and `location` merge into what is stored;
 * every other field, `openingHours`, `requiredQualifications` and `quota` included, is replaced.
 */
export const patchResourceBody = z
  .object({
    kind: resourceKind,
    name: resourceName,
    description,
    location: strictInput(resourceLocation).partial(),
    capacity,
    timezone: ianaTimeZone,
    shared: z.boolean(),
    openingHours,
    policy: strictInput(bookingPolicy).partial(),
    rates: z
      .object({
        currency: rateCard.shape.currency,
        perHour: strictInput(perHourRates).partial(),
        incrementMinutes: rateCard.shape.incrementMinutes,
        minimumMinutes: rateCard.shape.minimumMinutes,
      })
      .partial()
      .strict(),
    requiredQualifications: qualifications,
    quota: strictInput(resourceQuota),
  })
  .partial()
  .strict()
  .openapi('PatchResourceBody');
export type PatchResourceBody = z.output<typeof patchResourceBody>;

/** `true` / `false` in a query string. */
export const queryFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listResourcesQuery = z.object({
  kind: resourceKind.optional(),
  orgId: z.string().max(100).optional(),
  shared: queryFlag.optional(),
  campus: z.string().max(200).optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Case-insensitive match on name or description' }),
  status: z.enum(['active', 'retired']).optional().openapi({ description: 'Both when left out' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListResourcesQuery = z.output<typeof listResourcesQuery>;
