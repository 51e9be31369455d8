import { z } from 'zod';
import { env, loadConfig, platformEnv } from '@labshare/config';

export const accessConfigSchema = platformEnv
  .extend({
    ACCESS_PORT: env.port(8083),
    /** PEM private key(s) that sign passes, several concatenated for rotation; the first one signs. */
    ACCESS_PASS_KEYS: z.string().optional(),
    /** Comma-separated PEM files of private keys, after ACCESS_PASS_KEYS's; the first key overall signs. */
    ACCESS_PASS_KEY_FILES: z
      .string()
      .optional()
      .transform((v) =>
        v
          ? v
              .split(',')
              .map((f) => f.trim())
              .filter(Boolean)
          : [],
      ),
    /** `iss` of every pass; devices check it. */
    ACCESS_PASS_ISSUER: env.text('labshare-access'),
    /** Closes sessions still open at their booking's end + ACCESS_AUTO_CHECKOUT_GRACE_MINUTES; seconds field allowed. */
    ACCESS_SCAN_CRON: env.cron('*/30 * * * * *'),
    ACCESS_AUTO_CHECKOUT_GRACE_MINUTES: env.int(15, 0),
    /** How far `syncedTo` of the revocation list lags its read, so a revocation written meanwhile is not missed. */
    ACCESS_REVOCATION_OVERLAP_SECONDS: env.int(60, 0),
  })
  .refine((c) => c.ACCESS_PASS_KEYS || c.ACCESS_PASS_KEY_FILES.length > 0, {
    message: 'passes need a signing key: set ACCESS_PASS_KEYS or ACCESS_PASS_KEY_FILES',
    path: ['ACCESS_PASS_KEYS'],
  });

export type AccessConfig = ReturnType<typeof loadAccessConfig>;

export function loadAccessConfig(source: Record<string, string | undefined> = process.env) {
  const config = loadConfig(accessConfigSchema, source);
  return { ...config, PORT: config.ACCESS_PORT };
}
