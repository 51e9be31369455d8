import { env, loadConfig, platformEnv } from '@labshare/config';

export const billingConfigSchema = platformEnv.extend({
  BILLING_PORT: env.port(8084),
  /** IANA zone whose calendar months are the billing periods. */
  BILLING_TIMEZONE: env.timezone('Asia/Shanghai'),
  /** Issues last month's statements; seconds field allowed. Default: 01:00 UTC on the 1st and 2nd. */
  BILLING_CLOSE_CRON: env.cron('0 1 1,2 * *'),
  /** Closes usage-credit grants past their expiry; seconds field allowed. Default: every 10 minutes. */
  BILLING_CREDIT_EXPIRY_CRON: env.cron('0 */10 * * * *'),
});

export type BillingConfig = ReturnType<typeof loadBillingConfig>;

export function loadBillingConfig(source: Record<string, string | undefined> = process.env) {
  const config = loadConfig(billingConfigSchema, source);
  return { ...config, PORT: config.BILLING_PORT };
}
