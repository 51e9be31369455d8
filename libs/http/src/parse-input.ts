import { z } from 'zod';
import { errors } from '@labshare/errors';

/**
 * Validates one part of a request (`body`, `query`, `params`), naming every bad field in a 400.
 * Query parameters the schema does not know are refused too (a misspelt filter must not silently
 * return everything); bodies refuse unknown fields through their own `.strict()` schemas.
 */
export function parseInput<S extends z.ZodTypeAny>(schema: S, value: unknown, where: string): z.output<S> {
  const unknown = where === 'query' ? unknownKeys(schema, value) : [];
  if (unknown.length > 0) {
    throw errors.validation(
      unknown.map((key) => ({ field: `${where}.${key}`, message: 'is not a known parameter' })),
    );
  }
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  throw errors.validation(
    parsed.error.issues.map((issue) => ({
      field: [where, ...issue.path].join('.'),
      message: issue.message,
    })),
  );
}

/** Keys of `value` the object schema inside `schema` (through refinements and defaults) does not know. */
function unknownKeys(schema: z.ZodTypeAny, value: unknown): string[] {
  const shape = objectShape(schema);
  if (!shape || typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.keys(value).filter((key) => !(key in shape));
}

function objectShape(schema: z.ZodTypeAny): z.ZodRawShape | undefined {
  if (schema instanceof z.ZodObject) return schema.shape as z.ZodRawShape;
  if (schema instanceof z.ZodEffects) return objectShape(schema.innerType());
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional)
    return objectShape(schema._def.innerType);
  return undefined;
}
