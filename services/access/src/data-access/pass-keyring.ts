import { readFileSync } from 'node:fs';
import type { Connection } from 'mongoose';
import {
  keysFromJwks,
  passSigningKey,
  pemBlocks,
  signPass,
  verifyPass,
  type PassSigningKey,
  type PassVerifyingKey,
} from '@labshare/auth';
import type { PassClaims, PublicJwk } from '@labshare/contracts';
import type { PassSigner, VerifiedPass } from '../domain/ports';

interface UsedKey {
  _id: string;
  jwk: PublicJwk;
  /** The latest end of a pass this key signed: its public half stays published until then. */
  lastValidUntil: Date;
}

/** The private keys configured: ACCESS_PASS_KEYS's PEM blocks, then each ACCESS_PASS_KEY_FILES file's. */
export function configuredPassKeys(config: { ACCESS_PASS_KEYS?: string; ACCESS_PASS_KEY_FILES: string[] }) {
  const pems = [
    ...pemBlocks(config.ACCESS_PASS_KEYS ?? ''),
    ...config.ACCESS_PASS_KEY_FILES.flatMap((file) => pemBlocks(readFileSync(file, 'utf8'))),
  ];
  if (pems.length === 0) throw new Error('ACCESS_PASS_KEYS / ACCESS_PASS_KEY_FILES hold no PEM private key');
  return pems.map(passSigningKey);
}

/**
 * The pass keys. The first configured key signs; every configured key is published. Before a pass
 * leaves, its key's public half and the pass's end are remembered in `pass_keys`: a key taken out
 * of the configuration (rotation) stays published, and keeps verifying, until the last pass it
 * signed has expired. So rotation never invalidates a pass already issued, on any replica.
 */
export class PassKeyring implements PassSigner {
  private readonly configured: Map<string, PassSigningKey>;

  constructor(
    private readonly db: Connection,
    keys: PassSigningKey[],
    readonly issuer: string,
  ) {
    this.configured = new Map(keys.map((k) => [k.kid, k]));
  }

  private get used() {
    return this.db.collection<UsedKey>('pass_keys');
  }

  private get active(): PassSigningKey {
    return this.configured.values().next().value!;
  }

  async ensureIndexes(): Promise<void> {}

  async sign(claims: PassClaims): Promise<{ token: string; kid: string }> {
    const key = this.active;
    await this.used.updateOne(
      { _id: key.kid },
      { $set: { jwk: key.jwk }, $max: { lastValidUntil: new Date(claims.exp * 1000) } },
      { upsert: true },
    );
    return { token: signPass(claims, key), kid: key.kid };
  }

  async verify(token: string): Promise<VerifiedPass> {
    const remembered = keysFromJwks({ keys: (await this.used.find().toArray()).map((k) => k.jwk) });
    const keyOf = (kid: string): PassVerifyingKey | undefined => {
      const key = this.configured.get(kid);
      return key ? { alg: key.alg, key: key.publicKey } : remembered.get(kid);
    };
    return verifyPass(token, keyOf, this.issuer);
  }

  async publishedKeys(now: number): Promise<PublicJwk[]> {
    const retired = await this.used
      .find({ _id: { $nin: [...this.configured.keys()] }, lastValidUntil: { $gt: new Date(now) } })
      .toArray();
    return [...[...this.configured.values()].map((k) => k.jwk), ...retired.map((k) => k.jwk)];
  }
}
