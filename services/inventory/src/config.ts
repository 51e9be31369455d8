import { env, loadConfig, platformEnv } from '@labshare/config';

export const inventoryConfigSchema = platformEnv.extend({
  INVENTORY_PORT: env.port(8081),
});

export type InventoryConfig = ReturnType<typeof loadInventoryConfig>;

export function loadInventoryConfig(source: Record<string, string | undefined> = process.env) {
  const config = loadConfig(inventoryConfigSchema, source);
  return { ...config, PORT: config.INVENTORY_PORT };
}
