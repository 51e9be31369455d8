import { instant } from '../common';
import { z } from '../zod';

/** `POST /v1/qualifications`: the caller's org (an org_admin's) grants `name` to `userId`, maybe until `expiresAt`. */
export const grantQualificationBody = z
  .object({
    userId: z.string().trim().min(1).max(200),
    name: z.string().trim().min(1).max(100),
    expiresAt: instant.optional(),
  })
  .strict()
  .openapi('GrantQualificationBody');
export type GrantQualificationBody = z.output<typeof grantQualificationBody>;

export const qualificationListQuery = z
  .object({
    userId: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();
