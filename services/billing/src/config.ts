import { env, loadConfig, platformEnv } from '@labshare/config';

export const billingConfigSchema = platformEnv.extend({
  BILLING_PORT: env.port(8084),
});

export type BillingConfig = ReturnType<typeof loadBillingConfig>;

export function loadBillingConfig(source: Record<string, string | undefined> = process.env) {
  const config = loadConfig(billingConfigSchema, source);
  return { ...config, PORT: config.BILLING_PORT };
}
