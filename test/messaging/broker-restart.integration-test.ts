import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKafka, type KafkaServer } from '@labshare/local-infra';
import { testInfra, waitFor } from '@labshare/testkit';
import { exited, startChild } from '@labshare/testkit';
import { createCounter, readCounter } from '../support/counter-effect';
import { expectedSum, messagingHarness } from '../support/messaging-harness';

// This test stops a broker, so it runs one of its own (from the Maven jars) rather than the shared one.
describe('Kafka broker restart', () => {
  let dataDir: string;
  let broker: KafkaServer;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'labshare-broker-'));
    broker = await startKafka({ dataDir, log: () => undefined });
  });
  afterAll(async () => {
    await broker.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when the broker stops and comes back while events are produced, then every event arrives once in effect', async () => {
    const h = await messagingHarness({ mongoUrl: testInfra().mongoUrl, kafkaBrokers: broker.url });
    await createCounter(h.db, h.counterId);
    const consumer = await startChild(
      'test/support/counting-consumer.ts',
      { ...h.childEnv, GROUP: 'g-restart' },
      'consumer-started',
    );
    try {
      h.relay.start();
      await h.writeThroughOutbox(100, 0);
      await waitFor(async () => (await readCounter(h.db, h.counterId)).count >= 50, {
        what: 'events flowing before the stop',
      });

      await broker.stop();
      // Produced while the broker is down: the writes succeed, the events wait in the outbox.
      await h.writeThroughOutbox(100, 100);
      expect(await h.pendingInOutbox()).toBeGreaterThan(0);

      broker = await startKafka({
        dataDir,
        port: broker.port,
        controllerPort: broker.controllerPort,
        log: () => undefined,
      });
      await h.writeThroughOutbox(100, 200);

      const counter = await waitFor(
        async () => {
          const c = await readCounter(h.db, h.counterId);
          return c.count === 300 && c;
        },
        { what: '300 events applied after the restart', timeoutMs: 90_000 },
      );
      expect(new Set(counter.applied).size).toBe(300);
      expect(counter.sum).toBe(expectedSum(300));
      await waitFor(async () => (await h.pendingInOutbox()) === 0, { what: 'outbox drained' });
    } finally {
      consumer.kill('SIGTERM');
      await exited(consumer);
      await h.close();
    }
  }, 180_000);
});
