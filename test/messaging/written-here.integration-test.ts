// Events a process wrote and relayed from its write's own claim say so (WRITER_HEADER): a consumer of
// that process with `skipWrittenHere` (one that only mirrors writes into memory, as booking's calendar
// news does) skips them, while another process applies them, and an event a sweep relayed is applied
// by both. Real broker and database.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsumerRunner, MessageBus, OutboxRelay } from '@labshare/messaging';
import { testInfra, waitFor } from '@labshare/testkit';
import { incremented, logger, messagingHarness, TOPIC } from '../support/messaging-harness';

describe('events written here', () => {
  const stops: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  /** A consumer of its own group on `bus` that mirrors the events it applies into `heard`. */
  async function mirror(bus: MessageBus, heard: string[]) {
    const consumer = new ConsumerRunner({
      bus,
      groupId: `mirror-${randomUUID()}`,
      topics: [TOPIC],
      handlers: { 'counter.incremented.v1': async (event) => void heard.push(event.id) },
      logger,
      ephemeral: true,
      skipWrittenHere: true,
    });
    stops.push(() => consumer.stop());
    await consumer.start();
    await waitFor(() => consumer.isReady, { what: `${bus.writer} in its group` });
  }

  it('when this process relays an event from the write that queued it, then its own mirror skips it, another process applies it, and a swept event reaches both', async () => {
    const infra = testInfra();
    const h = await messagingHarness(infra);
    stops.push(() => h.close());
    const other = new MessageBus({
      brokers: infra.kafkaBrokers.split(','),
      clientId: 'messaging-test-other',
      topicPrefix: h.topicPrefix,
      logger,
    });
    stops.push(() => other.disconnect());
    const heard = { here: [] as string[], there: [] as string[] };
    await Promise.all([mirror(h.bus, heard.here), mirror(other, heard.there)]);
    const relay = new OutboxRelay({ bus: h.bus, sources: [h.source], logger, pollMs: 50 });
    stops.push(() => relay.stop());
    relay.start();

    const written = await h.writeClaimed(1);
    relay.nudge(written.written);
    await waitFor(() => heard.there.includes(written.event.id), {
      what: 'the other process hearing the write',
    });
    // The same key, so the same partition, after the first: heard here means the first was passed.
    const swept = incremented(h.counterId, 65);
    await h.Ledger.create({ _id: randomUUID(), total: 65, outbox: [{ topic: TOPIC, event: swept }] });
    await waitFor(() => heard.here.includes(swept.id) && heard.there.includes(swept.id), {
      what: 'both processes hearing the swept event',
    });

    expect(heard.here).toEqual([swept.id]);
    expect(heard.there).toEqual([written.event.id, swept.id]);
  });
});
