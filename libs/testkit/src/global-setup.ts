import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { provideInfrastructure } from '@labshare/local-infra';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

declare module 'vitest' {
  export interface ProvidedContext {
    infra: { kind: string; kafkaBrokers: string; mongoUrl: string };
  }
}

/**
 * Starts the test infrastructure once for the integration tier: MONGO_URL/KAFKA_BROKERS when set,
 * containers when a runtime answers, else the local JVM servers. Says which one it used.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const infra = await provideInfrastructure({
    dataDir: path.join(repoRoot, '.data', 'test'),
    log: (message) => console.log(`[test infra] ${message}`),
  });
  console.log(
    `[test infra] using ${infra.kind}: KAFKA_BROKERS=${infra.kafkaBrokers} MONGO_URL=${infra.mongoUrl} (${Date.now() - started} ms)`,
  );
  project.provide('infra', { kind: infra.kind, kafkaBrokers: infra.kafkaBrokers, mongoUrl: infra.mongoUrl });
  return () => infra.stop();
}
