import { z } from './zod';

/** Money is integer minor units (fen) with an ISO 4217 code. Never floating point. */
export const money = z
  .object({
    amount: z.number().int(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code')
      .default('CNY'),
  })
  .openapi('Money');
export type Money = z.infer<typeof money>;

/** An instant in UTC, `Z`, kept as the string: what responses and events carry. */
export const utc = z
  .string()
  .datetime()
  .openapi({ format: 'date-time', example: '2026-12-01T01:00:00.000Z' });

/** An ISO 8601 instant with any offset, kept as written (an event envelope's `time`). */
export const offsetInstant = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO 8601 instant with an offset' })
  .openapi({ format: 'date-time' });

/** An instant with any offset on the way in, as a Date; responses always use UTC `Z`. */
export const instant = offsetInstant
  .transform((v) => new Date(v))
  .openapi({ type: 'string', format: 'date-time', example: '2026-12-01T01:00:00Z' });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

/** `{ items, nextCursor }` list page. */
export function page<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** `/:id` path parameters. */
export const idParams = z.object({ id: z.string().min(1).max(100) });
