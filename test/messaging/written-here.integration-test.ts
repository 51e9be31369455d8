// The events a process's write queued and claimed itself say so when relayed (WRITER_HEADER): a
// consumer of that process with `skipWrittenHere` (one that only mirrors writes into memory, as
// booking's calendar news does) skips them, while another process applies them. An event another
// process queued in the same document, still pending when this process wrote it, and an event a sweep
// relayed, are applied by both. Real broker and database.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsumerRunner, MessageBus, OutboxRelay } from '@labshare/messaging';
import type { OutboxEntry } from '@labshare/mongo';
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

  it('when this process relays the event its write queued, then its own mirror skips it, another process applies it, and another process’s pending event and a swept one reach both', async () => {
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

    // Another process wrote the document and claimed its event, and has not relayed it yet. This
    // process writes the document next: its write queues its own event and claims both. The three
    // events share a key, so a partition, in this order.
    const _id = randomUUID();
    const pending = incremented(h.counterId, 1);
    await h.Ledger.collection.insertOne({
      _id: _id as never,
      total: 1,
      outbox: [{ topic: TOPIC, event: pending }],
      outboxClaimedUntil: new Date(Date.now() + 60_000),
    });
    const mine: OutboxEntry = { topic: TOPIC, event: incremented(h.counterId, 65) };
    const claim = h.source.claimInWrite(_id);
    await h.Ledger.updateOne({ _id }, { $push: { outbox: mine }, $set: { total: 2, ...claim.set } });
    const doc = await h.Ledger.findById(_id, { outbox: 1 }).lean<{ outbox: OutboxEntry[] }>();
    relay.nudge(claim.written(doc!.outbox, [mine]));
    await waitFor(() => heard.there.length === 2, { what: 'the other process hearing the document' });
    const swept = incremented(h.counterId, 129);
    await h.Ledger.create({ _id: randomUUID(), total: 129, outbox: [{ topic: TOPIC, event: swept }] });
    await waitFor(() => heard.here.includes(swept.id) && heard.there.includes(swept.id), {
      what: 'both processes hearing the swept event',
    });

    expect(heard.here).toEqual([pending.id, swept.id]);
    expect(heard.there).toEqual([pending.id, mine.event.id, swept.id]);
  });
});
