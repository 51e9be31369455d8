import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics, type EventEnvelope } from '@labshare/contracts';
import { waitFor, dayAt } from '@labshare/testkit';
import { makeOrg, makeResource, startBookingService, type BookingHarness } from './booking-fixture';

describe('health, readiness, metrics and correlation ids', () => {
  let h: BookingHarness;
  beforeAll(async () => {
    h = await startBookingService();
  });
  afterAll(() => h?.stop());

  it('when probed, then /healthz and /readyz answer with every dependency checked, and /metrics is Prometheus text', async () => {
    const url = h.services[0]!.url;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { checks: Record<string, string> }).checks).toMatchObject({
      mongodb: 'ok',
      kafka: 'ok',
      'consumer:booking.inventory-snapshots': 'ok',
      'consumer:booking.access-events': 'ok',
    });
    await h.api('GET', '/v1/bookings');
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(
      /http_request_duration_seconds_count\{[^}]*route="\/v1\/bookings"[^}]*status="401"/,
    );
    expect(metrics).toContain('process_resident_memory_bytes');
  });

  it('when a request carries a correlation id, then the response and the event it causes carry it too', async () => {
    const provider = await makeOrg(h, 'university');
    const consumer = await makeOrg(h, 'enterprise');
    const resource = await makeResource(h, provider);
    const seen: { event: EventEnvelope; header?: string }[] = [];
    const tap = h.bus.kafka.consumer({ groupId: `tap-${resource.id}` });
    await tap.connect();
    await tap.subscribe({ topic: h.bus.topic(topics.bookings), fromBeginning: true });
    await tap.run({
      eachMessage: async ({ message }) => {
        const event = JSON.parse(String(message.value)) as EventEnvelope;
        if (event.subject === resource.id)
          seen.push({ event, header: message.headers?.['x-correlation-id']?.toString() });
      },
    });
    try {
      const answer = await h.api('POST', '/v1/bookings', {
        token: consumer.booker(),
        body: { resourceId: resource.id, start: dayAt(2, 1), end: dayAt(2, 2) },
        headers: { 'x-correlation-id': `corr-${resource.id}` },
      });
      expect(answer.status).toBe(201);
      expect(answer.headers.get('x-correlation-id')).toBe(`corr-${resource.id}`);
      await waitFor(() => seen.length > 0, { what: 'booking event' });
      expect(seen[0]).toMatchObject({
        event: { type: 'booking.created.v1', correlationid: `corr-${resource.id}` },
        header: `corr-${resource.id}`,
      });
    } finally {
      await tap.disconnect();
    }
  });
});
