import { z } from '../zod';
import { utc } from '../common';

/** `POST /v1/passes`: a pass for a confirmed booking of the caller's org. */
export const issuePassBody = z
  .object({ bookingId: z.string().min(1).max(100) })
  .strict()
  .openapi('IssuePassBody');

export const issuedPass = z
  .object({
    /** The pass itself: a compact JWS (ES256 or RS256) with `kid` in its header; fits a QR code. */
    token: z.string(),
    jti: z.string(),
    kid: z.string(),
    bookingId: z.string(),
    resourceId: z.string(),
    userId: z.string(),
    validFrom: utc,
    validUntil: utc,
  })
  .openapi('Pass');
export type IssuedPass = z.infer<typeof issuedPass>;

/**
 * What a pass says (its JWT payload), short names to keep it small enough for a QR code: `jti` the
 * pass id, `sub` the user, `bid` the booking, `rid` the resource, valid from `nbf` to `exp` (epoch
 * seconds), `iss` the issuer. No `iat`: access keeps when it issued each pass, the QR code need not.
 */
export const passClaims = z.object({
  jti: z.string().min(1),
  sub: z.string().min(1),
  bid: z.string().min(1),
  rid: z.string().min(1),
  nbf: z.number().int(),
  exp: z.number().int(),
  iss: z.string(),
});
export type PassClaims = z.infer<typeof passClaims>;

/** A public key as JWKS publishes it (RFC 7517): EC P-256 (`x`, `y`) or RSA (`n`, `e`). */
export const publicJwk = z
  .object({
    kty: z.enum(['EC', 'RSA']),
    kid: z.string(),
    alg: z.enum(['ES256', 'RS256']),
    use: z.literal('sig'),
    crv: z.string().optional(),
    x: z.string().optional(),
    y: z.string().optional(),
    n: z.string().optional(),
    e: z.string().optional(),
  })
  .openapi('PublicJwk');
export type PublicJwk = z.infer<typeof publicJwk>;
export const jwks = z.object({ keys: z.array(publicJwk) }).openapi('Jwks');
