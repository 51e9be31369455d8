import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { eventCatalog } from './event-catalog';
import { eventEnvelope } from './event-envelope';

/**
 * The AsyncAPI 2.6 document of the bus, generated from the same Zod schemas that producers and
 * consumers validate with: one channel per topic, one message per event type, all in the
 * CloudEvents envelope keyed by `subject`.
 */
export function asyncApiDocument(): object {
  const registry = new OpenAPIRegistry();
  registry.register('EventEnvelope', eventEnvelope);
  for (const entry of eventCatalog) registry.register(entry.schemaName, entry.data);
  const { components } = new OpenApiGeneratorV31(registry.definitions).generateComponents();
  const channels = Object.fromEntries(
    eventCatalog.map((entry) => [
      entry.topic,
      {
        description: `Published by ${entry.owner}, keyed by the aggregate id. Dead letters: ${entry.topic}.dlt`,
        subscribe: {
          operationId: `receive-${entry.topic}`,
          message: {
            oneOf: entry.types.map((type) => ({
              messageId: type,
              name: type,
              contentType: 'application/cloudevents+json',
              headers: {
                type: 'object',
                properties: {
                  'content-type': { const: 'application/cloudevents+json; charset=utf-8' },
                  'x-correlation-id': { type: 'string' },
                  'labshare-writer': {
                    type: 'string',
                    description:
                      'The process that wrote the event and relayed it from that write (a consumer mirroring writes into that process skips it); absent on events a sweep relayed.',
                  },
                },
              },
              payload: {
                allOf: [
                  { $ref: '#/components/schemas/EventEnvelope' },
                  {
                    type: 'object',
                    properties: {
                      type: { const: type },
                      data: { $ref: `#/components/schemas/${entry.schemaName}` },
                    },
                  },
                ],
              },
            })),
          },
        },
      },
    ]),
  );
  return {
    asyncapi: '2.6.0',
    id: 'urn:labshare:events',
    info: {
      title: 'LabShare events',
      version: '1.0.0',
      description:
        "Every event is a CloudEvents 1.0 envelope in the Kafka protocol binding's structured mode. Topic names carry KAFKA_TOPIC_PREFIX; every topic has a dead-letter twin `<topic>.dlt`.",
    },
    servers: {
      kafka: { url: '{brokers}', protocol: 'kafka', variables: { brokers: { default: 'localhost:9092' } } },
    },
    defaultContentType: 'application/cloudevents+json',
    channels,
    components: { schemas: components?.schemas ?? {} },
  };
}
