import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsumerRunner } from '@labshare/messaging';
import { testInfra, waitFor } from '@labshare/testkit';
import { incremented, logger, messagingHarness, TOPIC } from '../support/messaging-harness';

/**
 * `caughtUp` on the real broker: an instant it reports is one before which every message of the
 * group's partitions (three here, keyed apart) has been applied, even while the handler lags behind.
 */
describe('a consumer telling when it is caught up', () => {
  let h: Awaited<ReturnType<typeof messagingHarness>>;
  beforeEach(async () => {
    h = await messagingHarness(testInfra());
  });
  afterEach(() => h.close());

  it('when messages keep arriving faster than they are applied, then every message sent before a reported instant was applied when it was reported, and the group commits no offset', async () => {
    const applied = new Set<number>();
    const sent: { n: number; at: number }[] = [];
    const reports: { at: number; applied: Set<number> }[] = [];
    const groupId = `caught-up-${h.counterId}`;
    const consumer = new ConsumerRunner({
      bus: h.bus,
      groupId,
      topics: [TOPIC],
      logger,
      gather: { bytes: 64 * 1024, waitMs: 100 },
      ephemeral: true,
      caughtUp: (at) => reports.push({ at, applied: new Set(applied) }),
      handlers: {
        'counter.incremented.v1': async (event) => {
          await new Promise((resolve) => setTimeout(resolve, 5)); // slower than the sender
          applied.add((event.data as { n: number }).n);
        },
      },
    });
    const producer = h.bus.kafka.producer();
    await producer.connect();
    await consumer.start();
    try {
      for (let burst = 0; burst < 10; burst++) {
        const ns = Array.from({ length: 10 }, (_, i) => burst * 10 + i);
        await producer.send({
          topic: h.bus.topic(TOPIC),
          messages: ns.map((n) => ({ key: `k${n}`, value: JSON.stringify(incremented(h.counterId, n)) })),
        });
        const at = Date.now(); // acknowledged: in the log from now on
        sent.push(...ns.map((n) => ({ n, at })));
        // Paced, so messages arrive while earlier ones are being applied (a load shape, not a wait).
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      const last = sent.at(-1)!.at;
      await waitFor(() => reports.some((r) => r.at >= last), {
        what: 'an instant after the last send reported',
      });

      expect(reports.some((r) => r.at < last)).toBe(true); // some reported while messages kept coming
      for (const report of reports) {
        const missing = sent.filter((s) => s.at <= report.at && !report.applied.has(s.n)).map((s) => s.n);
        expect(missing).toEqual([]);
      }
      expect(applied.size).toBe(100);
      const admin = h.bus.kafka.admin();
      await admin.connect();
      try {
        const [offsets] = await admin.fetchOffsets({
          groupId: h.bus.group(groupId),
          topics: [h.bus.topic(TOPIC)],
        });
        expect(offsets!.partitions.map((p) => p.offset)).toEqual(['-1', '-1', '-1']);
      } finally {
        await admin.disconnect();
      }
    } finally {
      await producer.disconnect();
      await consumer.stop();
    }
  });
});
