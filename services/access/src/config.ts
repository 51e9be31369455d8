import { env, loadConfig, platformEnv } from '@labshare/config';

export const accessConfigSchema = platformEnv.extend({
  ACCESS_PORT: env.port(8083),
});

export type AccessConfig = ReturnType<typeof loadAccessConfig>;

export function loadAccessConfig(source: Record<string, string | undefined> = process.env) {
  const config = loadConfig(accessConfigSchema, source);
  return { ...config, PORT: config.ACCESS_PORT };
}
