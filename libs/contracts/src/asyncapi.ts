import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
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
  const { components } = new OpenApiGeneratorV3(registry.definitions).generateComponents();
  const channels = Object.fromEntries(
    eventCatalog.map((entry) => [
      entry.topic,
      {
        description: `Published by ${entry.owner}, keyed by the aggregate id. Dead letters: ${entry.topic}.dlt`,
        subscribe: {
          message: {
            oneOf: entry.types.map((type) => ({
              name: type,
              contentType: 'application/json',
              headers: {
                type: 'object',
                properties: {
                  'ce-id': { type: 'string' },
                  'ce-type': { const: type },
                  'x-correlation-id': { type: 'string' },
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
    info: { title: 'LabShare events', version: '1.0.0' },
    defaultContentType: 'application/json',
    channels,
    components: { schemas: components?.schemas ?? {} },
  };
}
