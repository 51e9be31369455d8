import { instant, utc } from '../common';
import { z } from '../zod';

export const availabilityQuery = z
  .object({
    resourceId: z.string().max(100).optional(),
    from: instant,
    to: instant,
    quantity: z.coerce.number().int().min(1).max(10_000).default(1),
    durationMinutes: z.coerce
      .number()
      .int()
      .min(1)
      .max(366 * 1440)
      .optional(),
    kind: z.enum(['lab', 'equipment', 'classroom']).optional(),
    orgId: z.string().max(100).optional(),
    campus: z.string().max(200).optional(),
    shared: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .refine((q) => q.to > q.from, { message: 'must be after from', path: ['to'] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= 366 * 86_400_000, {
    message: 'the range may span at most 366 days',
    path: ['to'],
  });

export const resourceAvailability = z
  .object({
    resourceId: z.string(),
    timezone: z.string(),
    free: z.array(z.object({ start: utc, end: utc, available: z.number().int() })),
    slots: z.array(z.object({ start: utc, end: utc })).optional(),
  })
  .openapi('ResourceAvailability');
export type ResourceAvailability = z.infer<typeof resourceAvailability>;
export type AvailabilityQuery = z.output<typeof availabilityQuery>;
