import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deadLetterTopic, type EventEnvelope } from '@labshare/contracts';
import { ConsumerRunner } from '@labshare/messaging';
import { testInfra, waitFor } from '@labshare/testkit';
import { applyIncrement, createCounter, readCounter } from '../support/counter-effect';
import { incremented, logger, messagingHarness, TOPIC } from '../support/messaging-harness';

describe('a consumer with a batch handler', () => {
  let h: Awaited<ReturnType<typeof messagingHarness>>;
  beforeEach(async () => {
    h = await messagingHarness(testInfra());
    await createCounter(h.db, h.counterId);
  });
  afterEach(() => h.close());

  async function send(values: string[]) {
    const producer = h.bus.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: h.bus.topic(TOPIC),
      messages: values.map((value) => ({ key: 'one', value })),
    });
    await producer.disconnect();
  }
  const good = (n: number) => JSON.stringify({ ...incremented(h.counterId, n), subject: 'one' });

  function runner(batchCalls: EventEnvelope[][]) {
    return new ConsumerRunner({
      bus: h.bus,
      groupId: `batch-${h.counterId}`,
      topics: [TOPIC],
      logger,
      handlers: { 'counter.incremented.v1': (event) => applyIncrement(h.db, event, 1) },
      batch: {
        size: 50,
        handle: async (events) => {
          batchCalls.push(events);
          for (const event of events) await applyIncrement(h.db, event, 2);
        },
      },
    });
  }

  const counterAt = (count: number) =>
    waitFor(
      async () => {
        const c = await readCounter(h.db, h.counterId);
        return c.count === count && c;
      },
      { what: `${count} events applied` },
    );

  it('when messages arrive together, then the batch handler gets them in runs, in offset order', async () => {
    await send(Array.from({ length: 20 }, (_, i) => good(i + 1)));
    const calls: EventEnvelope[][] = [];
    const consumer = runner(calls);
    await consumer.start();
    try {
      const counter = await counterAt(20);
      expect(counter.sum).toBe(210);
      expect(counter.byWorker).toEqual({ 2: 20 });
      expect(calls.length).toBeLessThan(20);
      expect(calls.flat().map((event) => (event.data as { n: number }).n)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
    } finally {
      await consumer.stop();
    }
  });

  it('when a run holds a malformed message, then its good messages are applied one by one and the bad one is dead-lettered', async () => {
    await send([good(1), '{not json', good(2)]);
    const dead: string[] = [];
    const dltConsumer = h.bus.kafka.consumer({ groupId: `dlt-batch-${h.counterId}` });
    await dltConsumer.connect();
    await dltConsumer.subscribe({ topic: h.bus.topic(deadLetterTopic(TOPIC)), fromBeginning: true });
    await dltConsumer.run({ eachMessage: async ({ message }) => void dead.push(String(message.value)) });
    const calls: EventEnvelope[][] = [];
    const consumer = runner(calls);
    await consumer.start();
    try {
      const counter = await counterAt(2);
      expect(counter.sum).toBe(3);
      expect(counter.byWorker).toEqual({ 1: 2 });
      await waitFor(() => dead.length === 1, { what: 'one dead letter' });
      expect(dead).toEqual(['{not json']);
    } finally {
      await consumer.stop();
      await dltConsumer.disconnect();
    }
  });
});
