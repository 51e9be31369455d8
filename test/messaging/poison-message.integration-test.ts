import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deadLetterTopic } from '@labshare/contracts';
import { ConsumerRunner } from '@labshare/messaging';
import { testInfra, waitFor } from '@labshare/testkit';
import { applyIncrement, createCounter, readCounter } from '../support/counter-effect';
import { incremented, logger, messagingHarness, TOPIC } from '../support/messaging-harness';

describe('poison messages', () => {
  let h: Awaited<ReturnType<typeof messagingHarness>>;
  beforeEach(async () => {
    h = await messagingHarness(testInfra());
    await createCounter(h.db, h.counterId);
  });
  afterEach(() => h.close());

  it('when a malformed message sits between good ones, then it goes to the dead-letter topic and the partition keeps flowing', async () => {
    const key = 'same-partition';
    const good = (n: number) => JSON.stringify({ ...incremented(h.counterId, n), subject: key });
    const producer = h.bus.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: h.bus.topic(TOPIC),
      messages: [
        { key, value: good(1) },
        { key, value: '{not json', headers: { 'x-correlation-id': 'poison-1' } },
        { key, value: JSON.stringify({ specversion: '1.0', type: 'NoSuchShape' }) },
        { key, value: good(2) },
        { key, value: good(3) },
      ],
    });
    await producer.disconnect();

    const dead: { value: string; headers: Record<string, string> }[] = [];
    const dltConsumer = h.bus.kafka.consumer({ groupId: `dlt-reader-${h.counterId}` });
    await dltConsumer.connect();
    await dltConsumer.subscribe({ topic: h.bus.topic(deadLetterTopic(TOPIC)), fromBeginning: true });
    await dltConsumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
        );
        dead.push({ value: String(message.value), headers });
      },
    });

    const runner = new ConsumerRunner({
      bus: h.bus,
      groupId: `poison-${h.counterId}`,
      topics: [TOPIC],
      logger,
      handlers: { 'counter.incremented.v1': (event) => applyIncrement(h.db, event, 1) },
    });
    await runner.start();
    try {
      const counter = await waitFor(
        async () => {
          const c = await readCounter(h.db, h.counterId);
          return c.count === 3 && c;
        },
        { what: 'the three good events applied' },
      );
      expect(counter.sum).toBe(6);
      await waitFor(() => dead.length === 2, { what: 'two dead letters' });
      expect(dead[0]?.value).toBe('{not json');
      expect(dead[0]?.headers['dlt-reason']).toMatch(/not JSON/);
      expect(dead[0]?.headers['dlt-topic']).toBe(h.bus.topic(TOPIC));
      expect(dead[0]?.headers['x-correlation-id']).toBe('poison-1');
      expect(dead[1]?.headers['dlt-reason']).toMatch(/envelope/);
    } finally {
      await runner.stop();
      await dltConsumer.disconnect();
    }
  });

  it('when a handler keeps failing for its own reasons, then the message is dead-lettered after bounded retries', async () => {
    const producer = h.bus.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: h.bus.topic(TOPIC),
      messages: [{ key: 'k', value: JSON.stringify(incremented(h.counterId, 5)) }],
    });
    await producer.disconnect();
    let attempts = 0;
    const runner = new ConsumerRunner({
      bus: h.bus,
      groupId: `failing-${h.counterId}`,
      topics: [TOPIC],
      logger,
      maxAttempts: 3,
      backoffMs: 10,
      handlers: {
        'counter.incremented.v1': async () => {
          attempts += 1;
          throw new Error('a bug in the handler');
        },
      },
    });
    const dead: string[] = [];
    const dltConsumer = h.bus.kafka.consumer({ groupId: `dlt-failing-${h.counterId}` });
    await dltConsumer.connect();
    await dltConsumer.subscribe({ topic: h.bus.topic(deadLetterTopic(TOPIC)), fromBeginning: true });
    await dltConsumer.run({
      eachMessage: async ({ message }) => void dead.push(String(message.headers?.['dlt-reason'])),
    });
    await runner.start();
    try {
      await waitFor(() => dead.length === 1, { what: 'one dead letter' });
      expect(attempts).toBe(3);
      expect(dead[0]).toMatch(/a bug in the handler/);
    } finally {
      await runner.stop();
      await dltConsumer.disconnect();
    }
  });
});
