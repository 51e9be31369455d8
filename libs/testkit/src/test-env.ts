import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { newPassKeyPem } from '@labshare/auth';
import { TEST_JWT_SECRET } from './tokens';

/** One pass-signing key per test process, so every access instance a test starts can sign. */
let passKey: string | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by the integration tier's global setup (infra/local/src/vitest-global-setup.ts). */
    infra: { kind: string; kafkaBrokers: string; mongoUrl: string };
  }
}

export function testInfra() {
  return inject('infra');
}

/**
 * Environment for a service started in a test: the shared test infrastructure, a topic prefix and
 * databases of the test's own (so test files running in parallel never see each other's events or
 * relay each other's outboxes), port 0 and the test signing secret.
 */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const run = randomUUID().slice(0, 8);
  // Outside vitest (benchmarks) the caller names the infrastructure itself.
  const infra =
    overrides.MONGO_URL && overrides.KAFKA_BROKERS
      ? { mongoUrl: overrides.MONGO_URL, kafkaBrokers: overrides.KAFKA_BROKERS }
      : testInfra();
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MONGO_URL: infra.mongoUrl,
    KAFKA_BROKERS: infra.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: `t-${run}.`,
    MONGO_DB_PREFIX: `t_${run}_`,
    KAFKA_PARTITIONS: '3',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    ACCESS_PASS_KEYS: (passKey ??= newPassKeyPem()),
    OUTBOX_POLL_MS: '50',
    INVENTORY_PORT: '0',
    BOOKING_PORT: '0',
    ACCESS_PORT: '0',
    BILLING_PORT: '0',
    ...overrides,
  };
}
