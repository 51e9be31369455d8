import type { PublicJwk } from '@labshare/contracts';
import type { AccessDeps } from '../ports';

/** The public keys devices verify passes with: the configured ones, and retired ones while their passes live. */
export async function getJwks(deps: AccessDeps): Promise<{ keys: PublicJwk[] }> {
  return { keys: await deps.signer.publishedKeys(deps.clock().getTime()) };
}
