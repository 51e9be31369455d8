import { z } from '../zod';
import { utc } from '../common';

/** What an organisation is; it decides the customer category its members are priced in elsewhere. */
export const orgKinds = ['university', 'enterprise', 'training_body', 'government', 'other'] as const;
export const orgKind = z.enum(orgKinds).openapi('OrgKind');
export type OrgKind = z.infer<typeof orgKind>;

/** Pricing categories of a rate card: `internal` (same org as the provider), then by consumer org kind. */
export const customerCategories = ['internal', ...orgKinds] as const;
export type CustomerCategory = (typeof customerCategories)[number];

const orgName = z.string().trim().min(1).max(200);

export const createOrgBody = z.object({ name: orgName, kind: orgKind }).strict().openapi('CreateOrgBody');
export type CreateOrgBody = z.infer<typeof createOrgBody>;

export const patchOrgBody = createOrgBody.partial().strict().openapi('PatchOrgBody');
export type PatchOrgBody = z.infer<typeof patchOrgBody>;

/** The stored organisation; `version` grows by one with every change (read models keep the newest). */
export const org = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: orgKind,
    version: z.number().int().min(1),
    createdAt: utc,
    updatedAt: utc,
  })
  .openapi('Org');
export type Org = z.infer<typeof org>;
