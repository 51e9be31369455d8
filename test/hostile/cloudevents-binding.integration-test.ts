import { randomUUID } from 'node:crypto';
import { Kafka as CloudEventsKafka, type CloudEvent } from 'cloudevents';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '@labshare/contracts';
import * as inventory from '@labshare/inventory';
import { createLogger } from '@labshare/logging';
import { MessageBus } from '@labshare/messaging';
import type { RunningService } from '@labshare/runtime';
import { apiClient, testEnv, tokenFor, waitFor } from '@labshare/testkit';

/**
 * Hostile input, class 5: an integrator reads our topics with the official CloudEvents SDK. Every
 * record must be a structured-mode CloudEvent of the Kafka protocol binding.
 */
describe('CloudEvents Kafka protocol binding', () => {
  let service: RunningService;
  let bus: MessageBus;
  const records: KafkaMessage[] = [];
  beforeAll(async () => {
    const env = testEnv();
    service = await inventory.start(inventory.loadConfig(env));
    bus = new MessageBus({
      brokers: env.KAFKA_BROKERS!.split(','),
      clientId: 'cloudevents-reader',
      topicPrefix: env.KAFKA_TOPIC_PREFIX,
      logger: createLogger({ service: 'cloudevents-reader', level: 'silent' }),
    });
    const consumer = bus.kafka.consumer({ groupId: `ce-${randomUUID()}`, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: bus.topic(topics.orgs), fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void records.push(message) });
    afterAll(() => consumer.disconnect());
  });
  afterAll(async () => {
    await bus?.disconnect();
    await service?.stop();
  });

  it('when inventory publishes an event, then the CloudEvents SDK reads it as a structured event with our fields', async () => {
    const admin = tokenFor({ sub: 'zone-admin', org: 'zone', roles: ['admin'] });
    const created = await apiClient(service.url)('POST', '/v1/orgs', {
      token: admin,
      body: { name: `CE org ${randomUUID()}`, kind: 'enterprise' },
      headers: { 'x-correlation-id': 'ce-correlation-1' },
    });
    expect(created.status).toBe(201);
    const record = await waitFor(() => records.find((r) => r.key?.toString() === created.body.id));
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(record.headers as IHeaders)) headers[name] = String(value);
    expect(headers['content-type']).toMatch(/^application\/cloudevents\+json/);
    const received = {
      headers,
      key: record.key?.toString() ?? '',
      value: record.value?.toString(),
      body: record.value?.toString(),
    };
    const event = CloudEventsKafka.toEvent(received) as CloudEvent<unknown> | CloudEvent<unknown>[];
    const single = Array.isArray(event) ? event[0]! : event;
    expect(single.validate()).toBe(true);
    expect(single).toMatchObject({
      specversion: '1.0',
      type: 'org.created.v1',
      source: 'labshare/inventory',
      subject: created.body.id,
      correlationid: 'ce-correlation-1',
      data: { org: { id: created.body.id, kind: 'enterprise' } },
    });
  });
});
