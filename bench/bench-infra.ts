import path from 'node:path';
import { provideInfrastructure } from '@labshare/local-infra';
import { testEnv } from '@labshare/testkit';

/**
 * Kafka and the MongoDB-wire server for one bench run (in memory, the way the figures in
 * docs/benchmarks.md were taken), and the services' environment pointing at them.
 */
export async function benchInfra(
  options: { mongoHeap?: string; env?: Record<string, string> } = {},
): Promise<{ infra: Awaited<ReturnType<typeof provideInfrastructure>>; env: Record<string, string> }> {
  const infra = await provideInfrastructure({
    dataDir: path.resolve('.data', `bench-${process.pid}`),
    durable: false,
    ...(options.mongoHeap ? { mongoHeap: options.mongoHeap } : {}),
    log: (m) => console.log(`[infra] ${m}`),
  });
  const env = testEnv({
    MONGO_URL: infra.mongoUrl,
    KAFKA_BROKERS: infra.kafkaBrokers,
    LOG_LEVEL: 'warn',
    ...options.env,
  });
  return { infra, env };
}
