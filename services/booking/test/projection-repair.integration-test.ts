import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayAt, waitFor } from '@labshare/testkit';
import { admin, makeOrg, makeResource, startBookingService, type BookingHarness } from './booking-fixture';

describe('booking projection repaired before its events leave', () => {
  let h: BookingHarness;
  let client: MongoClient;
  beforeAll(async () => {
    h = await startBookingService({}, 2);
    client = await MongoClient.connect(h.env.MONGO_URL!);
  });
  afterAll(async () => {
    await client?.close();
    await h?.stop();
  });

  it('when a replica dies between a calendar write and its projection write, then the relay that sends the events (on another replica) writes the projection first', async () => {
    const [writer, survivor] = h.services;
    const db = client.db(`${h.env.MONGO_DB_PREFIX}booking`);
    const calendars = db.collection<{ _id: string; outbox?: unknown[]; outboxClaimedUntil?: Date | null }>(
      'calendars',
    );
    const projection = db.collection<{ _id: string; version: number; status: string }>('bookings');
    const provider = await makeOrg(h, 'university');
    const consumer = await makeOrg(h, 'enterprise');
    const resource = await makeResource(h, provider);

    // The writer relays nothing from now on: its write's events stay in the calendar's outbox.
    await writer!.relay.stop();
    const created = await h.apis[0]!('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: resource.id, start: dayAt(3, 10), end: dayAt(3, 11) },
    });
    expect(created.status).toBe(201);
    const { id, version } = created.body as { id: string; version: number };
    // It died before its projection write (the document it wrote is taken away), and the claim its
    // write made on the outbox has run out.
    await projection.deleteOne({ _id: id });
    await calendars.updateOne({ _id: resource.id }, { $set: { outboxClaimedUntil: new Date(0) } });
    expect((await calendars.findOne({ _id: resource.id }))?.outbox).toHaveLength(1);

    // The other replica's sweep relays the events; the moment they have left the outbox, the
    // projection holds the booking.
    await waitFor(
      async () => {
        await survivor!.relay.drain();
        return (await calendars.findOne({ _id: resource.id }))?.outbox?.length === 0;
      },
      { what: 'the events relayed by the other replica' },
    );
    expect(await projection.findOne({ _id: id })).toMatchObject({ version, status: 'confirmed' });
    const read = await h.apis[1]!('GET', `/v1/bookings/${id}`, { token: admin });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, version, status: 'confirmed' });
  });
});
