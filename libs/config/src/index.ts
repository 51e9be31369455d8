export { loadConfig, ConfigError } from './load-config';
export { env } from './env-fields';
export { platformEnv, type PlatformEnv } from './platform-env';
