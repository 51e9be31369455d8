import { z } from 'zod';
import { errors } from '@labshare/errors';
import { decodeCursor, encodeCursor } from '@labshare/http';

export const creationKey = z.object({ createdAt: z.string(), id: z.string() });
export const blackoutKey = z.object({ start: z.string(), id: z.string() });

/** The key a cursor this API issued stands for; anything else is a 400 naming `query.cursor`. */
export function readCursor<S extends z.ZodTypeAny>(
  schema: S,
  cursor: string | undefined,
): z.output<S> | undefined {
  const key = decodeCursor<unknown>(cursor);
  if (key === undefined) return undefined;
  const parsed = schema.safeParse(key);
  if (!parsed.success) {
    throw errors.validation([{ field: 'query.cursor', message: 'is not a cursor this API issued' }]);
  }
  return parsed.data;
}

export function nextCursor(key: object | undefined): string | null {
  return key ? encodeCursor(key) : null;
}

export const idParams = z.object({ id: z.string().min(1).max(100) });
