import { randomUUID } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTransientError } from '@labshare/messaging';
import { testInfra, waitFor } from '@labshare/testkit';
import { incremented, messagingHarness, TOPIC } from '../support/messaging-harness';

/**
 * What the relay and the dead-letter path rely on from the bus's producer, on the real broker. (Also
 * the check for any change to how it produces: a producer moved to a worker thread passed these, and
 * was measured and left out; see docs/benchmarks.md, twenty-first round.)
 */
describe('the bus’s producer', () => {
  let h: Awaited<ReturnType<typeof messagingHarness>>;
  beforeEach(async () => {
    h = await messagingHarness(testInfra());
  });
  afterEach(() => h.close());

  /**
   * Every message of the topic from its start, as they arrive, unparsed (not `eventTap`, which parses
   * each value as an event: these tests read keys and raw bytes).
   */
  async function readAll(topic: string) {
    const consumer = h.bus.kafka.consumer({ groupId: `read-${randomUUID()}`, maxWaitTimeInMs: 100 });
    const read: KafkaMessage[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        read.push(message);
      },
    });
    return { read, stop: () => consumer.disconnect() };
  }

  it('when a fresh bus is asked for many publishes at once, beside one aggregate’s events published in one call and then call after call, then all arrive once, the aggregate’s in order', async () => {
    const subject = `counter/${h.counterId}`;
    const events = Array.from({ length: 100 }, (_, n) => ({ ...incremented(h.counterId, n), subject }));
    const others = Array.from({ length: 100 }, (_, n) => incremented(h.counterId, 1000 + n));
    // The bus has not connected its producer yet: these first sends all wait for that one connection.
    const beside = Promise.all(others.map((event) => h.bus.publish(TOPIC, [event])));
    await h.bus.publish(TOPIC, events.slice(0, 50));
    for (const event of events.slice(50)) await h.bus.publish(TOPIC, [event]);
    await beside;

    const reader = await readAll(h.bus.topic(TOPIC));
    try {
      await waitFor(() => reader.read.length >= 200, { what: '200 messages read' });
      const ns = reader.read
        .filter((m) => m.key?.toString() === subject)
        .map((m) => (JSON.parse(m.value!.toString()) as { data: { n: number } }).data.n);
      expect(ns).toEqual(events.map((_, n) => n));
      expect(reader.read).toHaveLength(200);
    } finally {
      await reader.stop();
    }
  });

  it('when a raw message carries bytes that are not text, then they arrive byte for byte', async () => {
    const key = Buffer.from([0xff, 0x00, 0x01]);
    const value = Buffer.from([0xc3, 0x28, 0x00, 0xfe]); // not UTF-8
    const topic = h.bus.topic(TOPIC);
    await h.bus.sendRaw(topic, { key, value, headers: { origin: Buffer.from([0x80]), note: 'text' } });

    const reader = await readAll(topic);
    try {
      await waitFor(() => reader.read.length === 1, { what: 'the raw message read' });
      const [message] = reader.read;
      expect(message!.key).toEqual(key);
      expect(message!.value).toEqual(value);
      expect(message!.headers?.origin).toEqual(Buffer.from([0x80]));
      expect(message!.headers?.note?.toString()).toBe('text');
    } finally {
      await reader.stop();
    }
  });

  it('when the broker refuses a send, then its caller gets the producer’s error under the name kafkajs gives it', async () => {
    const tooLarge = { ...incremented(h.counterId, 0), data: { padding: 'x'.repeat(2 * 1024 * 1024) } };

    const failure = await h.bus.publish(TOPIC, [tooLarge]).then(
      () => undefined,
      (error: unknown) => error as Error & { retriable?: boolean },
    );

    expect(failure).toBeInstanceOf(Error);
    expect(failure!.name).toBe('KafkaJSProtocolError');
    expect(failure!.message).toMatch(/larger than the max message size/);
    expect(failure!.retriable).toBe(false);
    expect(isTransientError(failure)).toBe(true); // as before: the relay keeps it and tries again
  });

  it('when the bus was disconnected, then the next publish starts the producer again', async () => {
    await h.bus.publish(TOPIC, [incremented(h.counterId, 1)]);
    await h.bus.disconnect();
    await h.bus.publish(TOPIC, [incremented(h.counterId, 2)]);

    const reader = await readAll(h.bus.topic(TOPIC));
    try {
      await waitFor(() => reader.read.length === 2, { what: 'both messages read' });
      const ns = reader.read.map((m) => (JSON.parse(m.value!.toString()) as { data: { n: number } }).data.n);
      expect(ns.sort()).toEqual([1, 2]);
    } finally {
      await reader.stop();
    }
  });
});
