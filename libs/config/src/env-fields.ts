import { z } from 'zod';

const CRON_FIELD = /^[\d*/,\-A-Za-z?LW#]+$/;

/** Field parsers for environment variables (they arrive as strings). */
export const env = {
  text: (fallback: string) => z.string().min(1).default(fallback),
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  int: (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback),
  bool: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1'),
  /** A node-cron expression of 5 fields, or 6 with seconds first. */
  cron: (fallback: string) =>
    z
      .string()
      .default(fallback)
      .refine((v) => {
        const fields = v.trim().split(/\s+/);
        return (fields.length === 5 || fields.length === 6) && fields.every((f) => CRON_FIELD.test(f));
      }, 'must be a cron expression of 5 fields, or 6 with seconds first'),
  /** Comma-separated host:port list. */
  brokers: () =>
    z
      .string()
      .min(1)
      .transform((v) => v.split(',').map((s) => s.trim()))
      .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'each broker must be host:port')).min(1)),
  mongoUrl: () => z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// or mongodb+srv:// URL'),
  timezone: (fallback: string) =>
    z
      .string()
      .default(fallback)
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone'),
};
