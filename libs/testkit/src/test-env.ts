import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { TEST_JWT_SECRET } from './tokens';

export function testInfra() {
  return inject('infra');
}

/**
 * Environment for a service started in a test: the shared test infrastructure, a topic prefix of the
 * test's own (so tests never see each other's events), port 0 and the test signing secret.
 */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const infra = testInfra();
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MONGO_URL: infra.mongoUrl,
    KAFKA_BROKERS: infra.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: `t-${randomUUID().slice(0, 8)}.`,
    KAFKA_PARTITIONS: '3',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    OUTBOX_POLL_MS: '50',
    INVENTORY_PORT: '0',
    BOOKING_PORT: '0',
    ACCESS_PORT: '0',
    BILLING_PORT: '0',
    ...overrides,
  };
}
