import type { z } from 'zod';
import { errors } from '@labshare/errors';

/** Validates one part of a request (`body`, `query`, `params`), naming every bad field in a 400. */
export function parseInput<S extends z.ZodTypeAny>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  throw errors.validation(
    parsed.error.issues.map((issue) => ({
      field: [where, ...issue.path].join('.'),
      message: issue.message,
    })),
  );
}
