import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { provideInfrastructure } from './provide-infrastructure';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Starts the test infrastructure once for the integration tier: MONGO_URL/KAFKA_BROKERS when set,
 * containers when a runtime answers, else the local JVM servers. Says which one it used.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  // A data dir per run: several test runs on one machine must not share a broker's log directory.
  const dataDir = path.join(repoRoot, '.data', `test-${process.pid}`);
  const infra = await provideInfrastructure({
    dataDir,
    durable: false, // in-memory MongoDB: fast, and every run starts from nothing anyway
    what: 'an integration test run',
    log: (message) => console.log(`[test infra] ${message}`),
  });
  console.log(
    `[test infra] using ${infra.kind}: KAFKA_BROKERS=${infra.kafkaBrokers} MONGO_URL=${infra.mongoUrl} (${Date.now() - started} ms)`,
  );
  project.provide('infra', { kind: infra.kind, kafkaBrokers: infra.kafkaBrokers, mongoUrl: infra.mongoUrl });
  return async () => {
    await infra.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
