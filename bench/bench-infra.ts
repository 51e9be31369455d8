import { rmSync } from 'node:fs';
import path from 'node:path';
import { provideInfrastructure, type Infrastructure } from '@labshare/local-infra';
import { testEnv } from '@labshare/testkit';

/**
 * Kafka and the MongoDB-wire server for one bench run (in memory, the way the figures in
 * docs/benchmarks.md were taken), and the services' environment pointing at them. The run's data
 * folder (the broker's log, 25 to 35 MB for bench:booking, and the servers' own logs) goes when the
 * infrastructure stops, as the test runs' does; one that failed to start keeps its logs.
 */
export async function benchInfra(
  options: { mongoHeap?: string; env?: Record<string, string> } = {},
): Promise<{ infra: Infrastructure; env: Record<string, string> }> {
  const dataDir = path.resolve('.data', `bench-${process.pid}`);
  const started = await provideInfrastructure({
    dataDir,
    durable: false,
    ...(options.mongoHeap ? { mongoHeap: options.mongoHeap } : {}),
    log: (m) => console.log(`[infra] ${m}`),
  });
  const infra: Infrastructure = {
    ...started,
    stop: async () => {
      await started.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  const env = testEnv({
    MONGO_URL: infra.mongoUrl,
    KAFKA_BROKERS: infra.kafkaBrokers,
    LOG_LEVEL: 'warn',
    ...options.env,
  });
  return { infra, env };
}
