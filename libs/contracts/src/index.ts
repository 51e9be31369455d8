export { z } from './zod';
export { eventEnvelope, newEvent, type EventEnvelope, type NewEventInput } from './event-envelope';
export { topics, deadLetterTopic, type TopicName } from './topics';
export { money, instant, pageQuery, page, type Money } from './common';
export * from './inventory';
export * from './booking';
export * from './access';
export { eventCatalog, type CatalogEntry } from './event-catalog';
export { asyncApiDocument } from './asyncapi';
