import { z } from '../zod';
import { queryFlag } from './resource-input';

export const importResourcesQuery = z.object({
  dryRun: queryFlag.default('false').openapi({ description: 'Validate only, create nothing' }),
  skipInvalid: queryFlag
    .default('false')
    .openapi({ description: 'Create the valid rows even when others are invalid' }),
});

/** A CSV as `text/csv`, or inside JSON as `{ "csv": "..." }`. */
export const importResourcesBody = z
  .union([z.string(), z.object({ csv: z.string() }).strict()])
  .transform((body) => (typeof body === 'string' ? body : body.csv))
  .openapi('ImportResourcesBody');

/** One problem of an import: spreadsheet row (the header is row 1), column or field, message. */
export const importRowError = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof importRowError>;

export const importReport = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int().openapi({ description: 'Data rows in the file' }),
    valid: z.number().int(),
    created: z.array(z.string()).openapi({ description: 'Ids of the resources created, in row order' }),
    errors: z.array(importRowError),
  })
  .openapi('ImportReport');
export type ImportReport = z.infer<typeof importReport>;
