import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayAt } from '@labshare/testkit';
import {
  makeOrg,
  makeResource,
  startBookingService,
  type BookingHarness,
  type TestOrg,
} from './booking-fixture';

/**
 * Hostile input, class 1: a request naming a span of centuries. Every request's work is bounded by
 * cheap checks first, so the answer is quick and the process keeps answering others meanwhile.
 */
describe('far-future and centuries-long spans', () => {
  let h: BookingHarness;
  let provider: TestOrg;
  let consumer: TestOrg;
  let resourceId: string;
  beforeAll(async () => {
    h = await startBookingService();
    provider = await makeOrg(h, 'university');
    consumer = await makeOrg(h, 'enterprise');
    const resource = await makeResource(h, provider, {
      openingHours: [
        { rrule: 'FREQ=DAILY;INTERVAL=3', start: '08:00', end: '20:00' },
        { rrule: 'FREQ=MONTHLY;BYDAY=2TU', start: '01:00', end: '03:00' },
      ],
    });
    resourceId = resource.id;
  });
  afterAll(() => h?.stop());

  /** Sends the request while /healthz is asked every 20 ms; gives the answer and the slowest probe. */
  async function whileProbing(request: () => Promise<{ status: number; body: { violations?: string[] } }>) {
    const probes: number[] = [];
    let done = false;
    const probing = (async () => {
      while (!done) {
        const t0 = performance.now();
        await fetch(`${h.services[0]!.url}/healthz`);
        probes.push(performance.now() - t0);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const started = performance.now();
    const answer = await request();
    const ms = performance.now() - started;
    done = true;
    await probing;
    return { answer, ms, slowestProbe: Math.max(...probes) };
  }

  const centuriesAway = '2999-12-31T00:00:00Z';
  const far = (years: number) => new Date(Date.now() + years * 366 * 86_400_000).toISOString();

  it.each([
    [
      'a booking ending centuries away',
      () => ({ start: dayAt(3, 1), end: centuriesAway }),
      ['too_long', 'horizon'],
    ],
    ['a booking starting 150 years away', () => ({ start: far(150), end: far(150.001) }), ['horizon']],
    [
      'a booking in the distant past',
      () => ({ start: '1900-01-01T00:00:00Z', end: '1900-01-01T01:00:00Z' }),
      ['in_past'],
    ],
  ])(
    'when a booker asks for %s, then it is refused quickly and /healthz keeps answering within 200 ms',
    async (_name, times, violations) => {
      const { answer, ms, slowestProbe } = await whileProbing(() =>
        h.api('POST', '/v1/bookings', { token: consumer.booker(), body: { resourceId, ...times() } }),
      );
      expect(answer.status).toBe(422);
      expect(answer.body.violations).toEqual(expect.arrayContaining(violations));
      expect(ms).toBeLessThan(1000);
      expect(slowestProbe).toBeLessThan(200);
    },
  );

  it('when a waitlist request names centuries, then it is refused quickly too', async () => {
    const waitlist = await whileProbing(() =>
      h.api('POST', '/v1/waitlist', {
        token: consumer.booker(),
        body: { resourceId, start: dayAt(3, 1), end: centuriesAway },
      }),
    );
    expect([waitlist.answer.status, waitlist.ms < 1000, waitlist.slowestProbe < 200]).toEqual([
      422,
      true,
      true,
    ]);
  });

  it('when a series repeats a centuries-long occurrence, then it is refused quickly', async () => {
    const series = await whileProbing(() =>
      h.api('POST', '/v1/series', {
        token: consumer.booker(),
        body: {
          resourceId,
          start: dayAt(3, 1),
          end: centuriesAway,
          rrule: 'FREQ=WEEKLY;COUNT=50',
          onConflict: 'skip',
        },
      }),
    );
    expect(series.answer.status).toBe(409);
    expect(series.ms).toBeLessThan(2000);
    expect(series.slowestProbe).toBeLessThan(200);
  });

  it('when availability is asked over more than the API allows, then it is a 400 before any work', async () => {
    const { answer, ms } = await whileProbing(() =>
      h.api('GET', `/v1/availability?resourceId=${resourceId}&from=${dayAt(1, 0)}&to=${centuriesAway}`, {
        token: consumer.booker(),
      }),
    );
    expect(answer.status).toBe(400);
    expect(ms).toBeLessThan(500);
  });
});
