import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, env, loadConfig, platformEnv } from './index';

const base = {
  MONGO_URL: 'mongodb://127.0.0.1:1',
  KAFKA_BROKERS: '127.0.0.1:9092',
  AUTH_JWT_SECRET: 'x'.repeat(16),
};

describe('loadConfig', () => {
  it('when the environment is complete, then defaults are filled and lists are split', () => {
    const config = loadConfig(platformEnv, { ...base, KAFKA_BROKERS: 'a:1, b:2' });
    expect(config.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('when variables are missing or bad, then each one is named in the error', () => {
    const attempt = () => loadConfig(platformEnv, { KAFKA_BROKERS: 'nope', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    const message = (() => {
      try {
        attempt();
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toContain('MONGO_URL');
    expect(message).toContain('KAFKA_BROKERS');
    expect(message).toContain('LOG_LEVEL');
  });

  it('when the Kafka session timeout is below the broker minimum (6 s), then it is refused', () => {
    expect(loadConfig(platformEnv, base).KAFKA_SESSION_TIMEOUT_MS).toBe(30_000);
    expect(
      loadConfig(platformEnv, { ...base, KAFKA_SESSION_TIMEOUT_MS: '6000' }).KAFKA_SESSION_TIMEOUT_MS,
    ).toBe(6_000);
    expect(() => loadConfig(platformEnv, { ...base, KAFKA_SESSION_TIMEOUT_MS: '5999' })).toThrow(
      /KAFKA_SESSION_TIMEOUT_MS/,
    );
  });

  it('when a cron expression has seconds, then it is accepted; a bad one is refused', () => {
    const schema = z.object({ SCAN_CRON: env.cron('*/30 * * * * *') });
    expect(loadConfig(schema, {}).SCAN_CRON).toBe('*/30 * * * * *');
    expect(() => loadConfig(schema, { SCAN_CRON: 'every minute' })).toThrow(/SCAN_CRON/);
  });

  it('when a time zone is not IANA, then it is refused', () => {
    const schema = z.object({ TZ_NAME: env.timezone('Asia/Shanghai') });
    expect(() => loadConfig(schema, { TZ_NAME: 'Mars/Olympus' })).toThrow(/TZ_NAME/);
  });
});
