import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testInfra, waitFor } from '@labshare/testkit';
import { exited, startChild } from '@labshare/testkit';
import { createCounter, readCounter } from '../support/counter-effect';
import { expectedSum, messagingHarness } from '../support/messaging-harness';

describe('outbox → Kafka → consumer in other processes', () => {
  let h: Awaited<ReturnType<typeof messagingHarness>>;
  beforeEach(async () => {
    h = await messagingHarness(testInfra());
    await createCounter(h.db, h.counterId);
  });
  afterEach(() => h.close());

  it('when events are written through the outbox, then a consumer in another process applies each once', async () => {
    const consumer = await startChild(
      'test/support/counting-consumer.ts',
      { ...h.childEnv, GROUP: 'g-single' },
      'consumer-started',
    );
    try {
      await h.writeThroughOutbox(50);
      h.relay.start();
      const counter = await waitFor(
        async () => {
          const c = await readCounter(h.db, h.counterId);
          return c.count === 50 && c;
        },
        { what: '50 events applied' },
      );
      expect(counter.sum).toBe(expectedSum(50));
      await waitFor(async () => (await h.pendingInOutbox()) === 0, { what: 'outbox emptied' });
    } finally {
      consumer.kill('SIGTERM');
      await exited(consumer);
    }
  });

  it('when the consumer is killed mid-batch and restarted, then nothing is lost and nothing applied twice', async () => {
    const total = 600;
    const env = { ...h.childEnv, GROUP: 'g-crash', DELAY_MS: '3' };
    await h.writeThroughOutbox(total);
    h.relay.start();
    const first = await startChild('test/support/counting-consumer.ts', env, 'consumer-started');
    await waitFor(async () => (await readCounter(h.db, h.counterId)).count >= 100, {
      what: 'first 100 applied',
    });
    first.kill('SIGKILL');
    await exited(first);
    const appliedAtKill = (await readCounter(h.db, h.counterId)).count;
    expect(appliedAtKill).toBeLessThan(total);

    const second = await startChild(
      'test/support/counting-consumer.ts',
      { ...env, DELAY_MS: '0' },
      'consumer-started',
    );
    try {
      const counter = await waitFor(
        async () => {
          const c = await readCounter(h.db, h.counterId);
          return c.count === total && c;
        },
        { what: `${total} events applied`, timeoutMs: 60_000 },
      );
      expect(new Set(counter.applied).size).toBe(total);
      expect(counter.sum).toBe(expectedSum(total));
      // Both processes did part of the work: the kill really happened mid-stream.
      expect(Object.keys(counter.byWorker)).toHaveLength(2);
    } finally {
      second.kill('SIGTERM');
      await exited(second);
    }
  });

  it('when two replicas share a consumer group, then they split the partitions and apply each event once', async () => {
    const env = { ...h.childEnv, GROUP: 'g-replicas', DELAY_MS: '2' };
    const replicas = await Promise.all([
      startChild('test/support/counting-consumer.ts', env, 'consumer-started'),
      startChild('test/support/counting-consumer.ts', env, 'consumer-started'),
    ]);
    try {
      // Wait for the group to settle with both members before producing.
      await waitFor(
        async () => {
          const admin = h.bus.kafka.admin();
          await admin.connect();
          const { groups } = await admin.describeGroups([h.bus.group('g-replicas')]);
          await admin.disconnect();
          return groups[0]?.state === 'Stable' && groups[0].members.length === 2;
        },
        { what: 'group stable with 2 members' },
      );
      await h.writeThroughOutbox(400);
      h.relay.start();
      const counter = await waitFor(
        async () => {
          const c = await readCounter(h.db, h.counterId);
          return c.count === 400 && c;
        },
        { what: '400 events applied', timeoutMs: 60_000 },
      );
      expect(counter.sum).toBe(expectedSum(400));
      const perWorker = Object.values(counter.byWorker);
      expect(perWorker).toHaveLength(2);
      expect(perWorker.every((n) => n > 0)).toBe(true);
    } finally {
      for (const r of replicas) r.kill('SIGTERM');
      await Promise.all(replicas.map(exited));
    }
  });
});
