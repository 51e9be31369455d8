import { describe, expect, it } from 'vitest';
import { asyncApiDocument, eventCatalog, topics } from './index';

describe('AsyncAPI document', () => {
  const doc = asyncApiDocument() as {
    channels: Record<string, { subscribe: { message: { oneOf: { name: string }[] } } }>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };

  it('when generated, then every catalogued topic is a channel listing each of its event types', () => {
    for (const entry of eventCatalog) {
      expect(doc.channels[entry.topic]?.subscribe.message.oneOf.map((m) => m.name)).toEqual(entry.types);
    }
    expect(Object.keys(doc.channels)).toContain(topics.bookings);
  });

  it('when generated, then the data schemas come from the Zod schemas (the booking snapshot has its fields)', () => {
    const booking = doc.components.schemas.Booking;
    expect(Object.keys(booking?.properties ?? {})).toEqual(
      expect.arrayContaining(['id', 'status', 'price', 'version']),
    );
    expect(doc.components.schemas.EventEnvelope?.properties).toHaveProperty('subject');
  });
});
