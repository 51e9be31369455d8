import { z } from 'zod';
import { env, loadConfig, platformEnv } from '@labshare/config';

export const inventoryConfigSchema = platformEnv.extend({
  INVENTORY_PORT: env.port(8081),
  /** The booking service's API, asked which bookings a new blackout hits. */
  BOOKING_URL: z.string().url().default('http://127.0.0.1:8082'),
  BOOKING_TIMEOUT_MS: env.int(3000, 100),
});

export type InventoryConfig = ReturnType<typeof loadInventoryConfig>;

export function loadInventoryConfig(source: Record<string, string | undefined> = process.env) {
  const config = loadConfig(inventoryConfigSchema, source);
  return { ...config, PORT: config.INVENTORY_PORT };
}
