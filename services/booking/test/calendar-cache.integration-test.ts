import { randomUUID } from 'node:crypto';
import { MongoClient, type Collection } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayAt, waitFor } from '@labshare/testkit';
import { makeOrg, makeResource, startBookingService, type BookingHarness } from './booking-fixture';

/** Whether `api`'s availability shows the hour from `start` as free. */
async function showsFree(
  h: BookingHarness,
  replica: number,
  resourceId: string,
  token: string,
  start: string,
) {
  const end = new Date(Date.parse(start) + 3_600_000).toISOString();
  const answer = await h.apis[replica]!(
    'GET',
    `/v1/availability?resourceId=${resourceId}&from=${start}&to=${end}`,
    {
      token,
    },
  );
  expect(answer.status).toBe(200);
  return (answer.body as { free: unknown[] }).free.length > 0;
}

type StoredCalendars = Collection<{ _id: string; bookings: Record<string, unknown>[] }>;

/** Booking's stored calendar documents, read or written apart from the service. */
async function withCalendars<T>(h: BookingHarness, use: (calendars: StoredCalendars) => Promise<T>) {
  const client = await MongoClient.connect(h.env.MONGO_URL!);
  try {
    return await use(client.db(`${h.env.MONGO_DB_PREFIX}booking`).collection('calendars'));
  } finally {
    await client.close();
  }
}

const storedBookings = (h: BookingHarness, resourceId: string) =>
  withCalendars(h, async (calendars) => {
    const calendar = await calendars.findOne({ _id: resourceId });
    return (calendar?.bookings ?? []) as { status: string }[];
  });

/**
 * A confirmed booking written into the stored calendar with no event (no real write does that):
 * what another replica's write looks like to a replica that has not heard of it yet. With
 * `moveVersion`, the calendar's version moves on too, so a write from a copy read before is refused.
 */
const bookWithNoEvent = (
  h: BookingHarness,
  resourceId: string,
  span: { start: string; end: string },
  options: { moveVersion?: boolean } = {},
) =>
  withCalendars(h, (calendars) =>
    calendars.updateOne(
      { _id: resourceId },
      {
        $push: {
          bookings: {
            id: `bkg-${randomUUID()}`,
            resourceId,
            status: 'confirmed',
            quantity: 1,
            version: 1,
            start: new Date(span.start),
            end: new Date(span.end),
          },
        },
        ...(options.moveVersion ? { $inc: { version: 1 } } : {}),
      },
    ),
  );

/**
 * An answer (`ask`: the slot starts replica 0 or 1 offers) that follows an hour booked on replica B
 * once replica A's copy is refreshed, and an hour booked on replica A at once (both on `day`).
 */
async function followsBookingsOnEitherReplica(
  h: BookingHarness,
  resourceId: string,
  token: string,
  day: number,
  ask: (replica: number) => Promise<string[]>,
) {
  expect(await ask(0)).toContain(dayAt(day, 10));
  const body = { resourceId, start: dayAt(day, 10), end: dayAt(day, 11) };
  expect((await h.apis[1]!('POST', '/v1/bookings', { token, body })).status).toBe(201);
  await waitFor(async () => !(await ask(0)).includes(dayAt(day, 10)), {
    what: "replica A's answer without the hour booked on B",
  });
  const own = { resourceId, start: dayAt(day, 12), end: dayAt(day, 13) };
  expect(await ask(0)).toContain(dayAt(day, 12));
  expect((await h.apis[0]!('POST', '/v1/bookings', { token, body: own })).status).toBe(201);
  expect(await ask(0)).not.toContain(dayAt(day, 12));
}

describe('calendars held in memory by two replicas', () => {
  describe('when the copy is kept long (60 s) so it is surely stale', () => {
    let h: BookingHarness;
    beforeAll(async () => {
      h = await startBookingService({ CALENDAR_CACHE_MS: '60000' }, 2);
    }, 120_000);
    afterAll(() => h?.stop());

    it('when replica B books on a stale copy what another replica booked, then its write is refused, it decides again on the stored calendar, and answers 409', async () => {
      const provider = await makeOrg(h, 'university');
      const consumer = await makeOrg(h, 'enterprise');
      const resource = await makeResource(h, provider, { capacity: 1 });
      const slot = { resourceId: resource.id, start: dayAt(3, 10), end: dayAt(3, 11) };
      const token = consumer.booker();

      expect(
        (
          await h.apis[1]!('POST', '/v1/bookings', {
            token,
            body: { ...slot, start: dayAt(3, 8), end: dayAt(3, 9) },
          })
        ).status,
      ).toBe(201); // B now holds the calendar
      // Another replica's booking of the slot, written but not yet heard of by B (its event is what
      // would make B drop its copy): the stored calendar moves on one version, with no event.
      const written = await bookWithNoEvent(h, resource.id, slot, { moveVersion: true });
      expect(written.modifiedCount).toBe(1);
      expect(await showsFree(h, 1, resource.id, token, slot.start)).toBe(true); // B's copy is stale

      const second = await h.apis[1]!('POST', '/v1/bookings', { token, body: slot });
      expect(second.status).toBe(409);
      expect((await storedBookings(h, resource.id)).filter((b) => b.status === 'confirmed')).toHaveLength(2);
      // The refused write dropped B's copy: B answers from the stored calendar again.
      expect(await showsFree(h, 1, resource.id, token, slot.start)).toBe(false);
    });

    it("when B's writes to several calendars go at once and one copy is stale, then only that booking is refused", async () => {
      const provider = await makeOrg(h, 'university');
      const consumer = await makeOrg(h, 'enterprise');
      const resources = await Promise.all(
        Array.from({ length: 6 }, () => makeResource(h, provider, { capacity: 1 })),
      );
      const token = consumer.booker();
      const slot = (resourceId: string) => ({ resourceId, start: dayAt(5, 10), end: dayAt(5, 11) });
      for (const resource of resources)
        // B now holds each calendar
        expect(
          (
            await h.apis[1]!('POST', '/v1/bookings', {
              token,
              body: { ...slot(resource.id), start: dayAt(5, 8), end: dayAt(5, 9) },
            })
          ).status,
        ).toBe(201);
      const stale = resources[2]!;
      await bookWithNoEvent(h, stale.id, slot(stale.id), { moveVersion: true });

      // Sent together: those arriving while one calendar write is in flight are written in one batch.
      const answers = await Promise.all(
        resources.map((r) => h.apis[1]!('POST', '/v1/bookings', { token, body: slot(r.id) })),
      );
      expect(answers.map((a) => a.status)).toEqual(resources.map((r) => (r === stale ? 409 : 201)));
      for (const resource of resources)
        expect((await storedBookings(h, resource.id)).filter((b) => b.status === 'confirmed')).toHaveLength(
          2,
        );
    });

    it('when both replicas race for each of 8 single-unit hours from stale copies, then each hour is booked exactly once', async () => {
      const provider = await makeOrg(h, 'university');
      const consumer = await makeOrg(h, 'enterprise');
      const resource = await makeResource(h, provider, { capacity: 1 });
      const token = consumer.booker();
      const hours = Array.from({ length: 8 }, (_, i) => dayAt(4, 8 + i));
      for (const replica of [0, 1])
        for (const hour of hours) await showsFree(h, replica, resource.id, token, hour);
      // Every hour asked of both replicas, 4 times each: 64 requests for 8 units.
      const answers = await Promise.all(
        hours.flatMap((start) =>
          Array.from({ length: 8 }, (_, i) =>
            h.apis[i % 2]!('POST', '/v1/bookings', {
              token,
              body: {
                resourceId: resource.id,
                start,
                end: new Date(Date.parse(start) + 3_600_000).toISOString(),
              },
            }),
          ),
        ),
      );
      expect(answers.filter((a) => a.status === 201)).toHaveLength(hours.length);
      expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
      expect((await storedBookings(h, resource.id)).filter((b) => b.status === 'confirmed')).toHaveLength(
        hours.length,
      );
    });
  });

  describe('when the copy is kept for the default bound (CALENDAR_CACHE_MS 1000)', () => {
    let h: BookingHarness;
    beforeAll(async () => {
      h = await startBookingService({}, 2);
    }, 120_000);
    afterAll(() => h?.stop());

    it('when replica A books, then replica B shows it within the bound (plus one answer time)', async () => {
      const provider = await makeOrg(h, 'university');
      const consumer = await makeOrg(h, 'enterprise');
      const resource = await makeResource(h, provider, { capacity: 1 });
      const token = consumer.booker();
      const start = dayAt(5, 9);
      expect(await showsFree(h, 1, resource.id, token, start)).toBe(true);
      const body = { resourceId: resource.id, start, end: dayAt(5, 10) };
      expect((await h.apis[0]!('POST', '/v1/bookings', { token, body })).status).toBe(201);
      const booked = Date.now();
      // Replica A's own write shows at once.
      expect(await showsFree(h, 0, resource.id, token, start)).toBe(false);
      await waitFor(async () => !(await showsFree(h, 1, resource.id, token, start)), {
        what: 'replica B sees the booking',
      });
      expect(Date.now() - booked).toBeLessThan(1000 + 1000);
    });

    it('when the same availability is asked again, then the answer is the same (same tag) until a booking on either replica changes it', async () => {
      const provider = await makeOrg(h, 'university');
      const consumer = await makeOrg(h, 'enterprise');
      const resource = await makeResource(h, provider, { capacity: 1 });
      const token = consumer.booker();
      const ask = (replica: number) =>
        h.apis[replica]!(
          'GET',
          `/v1/availability?resourceId=${resource.id}&from=${dayAt(6, 8)}&to=${dayAt(6, 12)}&durationMinutes=60`,
          { token },
        );
      const first = await ask(0);
      const again = await ask(0);
      expect(first.status).toBe(200);
      expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(again.body).toEqual(first.body);
      const slotsOf = (answer: { body: { slots: { start: string }[] } }) =>
        answer.body.slots.map((s) => s.start);
      expect(slotsOf(first)).toContain(dayAt(6, 9));

      // Booked on the other replica: this one's answer follows within the bound.
      const body = { resourceId: resource.id, start: dayAt(6, 9), end: dayAt(6, 10) };
      expect((await h.apis[1]!('POST', '/v1/bookings', { token, body })).status).toBe(201);
      const after = await waitFor(
        async () => {
          const answer = await ask(0);
          return slotsOf(answer).includes(dayAt(6, 9)) ? undefined : answer;
        },
        { what: 'replica A answers without the hour booked on B' },
      );
      expect(after.headers.get('etag')).not.toBe(first.headers.get('etag'));

      // Booked on this replica: its next answer shows it at once.
      const own = { resourceId: resource.id, start: dayAt(6, 10), end: dayAt(6, 11) };
      expect((await h.apis[0]!('POST', '/v1/bookings', { token, body: own })).status).toBe(201);
      expect(slotsOf(await ask(0))).not.toContain(dayAt(6, 10));
    });

    it("when replica A books, then a search on replica B whose calendars were read longer ago than the bound follows it from A's event, without reading them again", async () => {
      const provider = await makeOrg(h, 'university');
      const consumer = await makeOrg(h, 'enterprise');
      const resource = await makeResource(h, provider, { capacity: 1 });
      const token = consumer.booker();
      const search = async (replica: number) => {
        const answer = await h.apis[replica]!(
          'GET',
          `/v1/availability?orgId=${provider.id}&from=${dayAt(7, 8)}&to=${dayAt(7, 16)}&durationMinutes=60`,
          { token },
        );
        expect(answer.status).toBe(200);
        const [found] = answer.body.items as { resourceId: string; slots: { start: string }[] }[];
        expect(found!.resourceId).toBe(resource.id);
        return found!.slots.map((slot) => slot.start);
      };
      const first = { resourceId: resource.id, start: dayAt(7, 8), end: dayAt(7, 9) }; // the calendar exists
      expect((await h.apis[0]!('POST', '/v1/bookings', { token, body: first })).status).toBe(201);
      expect(await search(1)).toEqual(expect.arrayContaining([dayAt(7, 10), dayAt(7, 14)]));
      const read = Date.now();
      // A booking written into the stored calendar with no event (no real write does that): B would
      // show it if it read the calendar again.
      const written = await bookWithNoEvent(h, resource.id, { start: dayAt(7, 14), end: dayAt(7, 15) });
      expect(written.modifiedCount).toBe(1);
      // The scenario is time passing: B's copy must be older than the bound (CALENDAR_CACHE_MS, 1 s).
      await new Promise((resolve) => setTimeout(resolve, read + 1_500 - Date.now()));

      const body = { resourceId: resource.id, start: dayAt(7, 10), end: dayAt(7, 11) };
      expect((await h.apis[0]!('POST', '/v1/bookings', { token, body })).status).toBe(201);
      const booked = Date.now();
      await waitFor(async () => !(await search(1)).includes(dayAt(7, 10)), {
        what: "replica B's search without the hour booked on A",
      });
      expect(Date.now() - booked).toBeLessThan(1000 + 1000);
      expect(await search(1)).toContain(dayAt(7, 14)); // answered from memory, not from a new read
    });

    it("when today's view (a range from an hour ago) is asked, then it follows bookings on either replica like any answer", async () => {
      const provider = await makeOrg(h, 'university');
      const consumer = await makeOrg(h, 'enterprise');
      const resource = await makeResource(h, provider, { capacity: 1 });
      const token = consumer.booker();
      const from = new Date(Date.now() - 3_600_000).toISOString();
      const ask = async (replica: number) => {
        const answer = await h.apis[replica]!(
          'GET',
          `/v1/availability?resourceId=${resource.id}&from=${from}&to=${dayAt(2, 0)}&durationMinutes=60`,
          { token },
        );
        expect(answer.status).toBe(200);
        const free = answer.body.free as { start: string }[];
        // Clipped to the booking window: nothing before now is offered.
        expect(free[0]!.start > from).toBe(true);
        return (answer.body.slots as { start: string }[]).map((s) => s.start);
      };
      await followsBookingsOnEitherReplica(h, resource.id, token, 1, ask);
    });

    it('when a range reaching past the horizon is asked, then it ends at the horizon and follows bookings on either replica', async () => {
      const provider = await makeOrg(h, 'university');
      const consumer = await makeOrg(h, 'enterprise');
      const template = await makeResource(h, provider);
      const policy = { ...template.policy, horizonDays: 3 };
      const resource = await makeResource(h, provider, { capacity: 1, policy });
      const token = consumer.booker();
      const ask = async (replica: number) => {
        const answer = await h.apis[replica]!(
          'GET',
          `/v1/availability?resourceId=${resource.id}&from=${dayAt(1, 0)}&to=${dayAt(6, 0)}&durationMinutes=60`,
          { token },
        );
        expect(answer.status).toBe(200);
        const horizon = new Date(Date.now() + 3 * 86_400_000).toISOString();
        const free = answer.body.free as { end: string }[];
        // Clipped to the booking window: nothing past the horizon is offered.
        expect(free.at(-1)!.end <= horizon).toBe(true);
        expect(free.at(-1)!.end > dayAt(3, 0)).toBe(true);
        return (answer.body.slots as { start: string }[]).map((s) => s.start);
      };
      await followsBookingsOnEitherReplica(h, resource.id, token, 2, ask);
    });
  });
});
