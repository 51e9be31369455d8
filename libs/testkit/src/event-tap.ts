import { randomUUID } from 'node:crypto';
import { eventEnvelope, type EventEnvelope } from '@labshare/contracts';
import { createLogger } from '@labshare/logging';
import { MessageBus } from '@labshare/messaging';

/**
 * Reads topics from the beginning into memory, as a consumer elsewhere would, so a test can await
 * the events it caused (`waitFor(() => tap.find(...))`) instead of sleeping.
 */
export async function eventTap(
  env: Record<string, string | undefined>,
  topics: string[],
  onEvent?: (event: EventEnvelope) => void,
) {
  const logger = createLogger({ service: 'test-tap', level: 'silent' });
  const bus = new MessageBus({
    brokers: (env.KAFKA_BROKERS ?? '').split(','),
    clientId: 'test-tap',
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    logger,
  });
  // Short fetch waits: stopping waits for the fetch in flight (5 s by default).
  const consumer = bus.kafka.consumer({ groupId: `tap-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const seen: EventEnvelope[] = [];
  // Joined before returning: events are then read as they come, and leaving is quick.
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({
    topics: topics.map((t) => bus.topic(t)),
    fromBeginning: true,
  });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = eventEnvelope.parse(JSON.parse(message.value?.toString() ?? 'null'));
      seen.push(event);
      onEvent?.(event);
    },
  });
  await joined;
  return {
    all: seen,
    find: (type: string, subject: string) => seen.find((e) => e.type === type && e.subject === subject),
    of: (subject: string) => seen.filter((e) => e.subject === subject),
    async stop() {
      await consumer.disconnect();
      await bus.disconnect();
    },
  };
}

export type EventTap = Awaited<ReturnType<typeof eventTap>>;
