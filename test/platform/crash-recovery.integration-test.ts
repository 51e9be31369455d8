// `npm start` killed outright (SIGKILL to npm, Node and the JVMs at once) while 16 clients book:
// after a restart on the same data folder, every acknowledged write is there and applied once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '@labshare/testkit';
import { book, createOrg, createResource, slot, zoneAdmin, type TestOrg } from '../support/platform-data';
import { startPlatform, type RunningPlatform } from '../support/platform-process';

const CLIENTS = 16;
const SLOTS = 24;

interface Acked {
  id: string;
  resourceId: string;
  start: string;
  end: string;
}

/** Documents anywhere in the platform's databases with events still waiting in their outbox. */
async function pendingOutboxes(mongoUrl: string) {
  const client = await MongoClient.connect(mongoUrl);
  try {
    const { databases } = await client.db('admin').admin().listDatabases();
    let pending = 0;
    for (const { name } of databases.filter((d) => d.name.startsWith('labshare_'))) {
      for (const { name: collection } of await client.db(name).listCollections().toArray()) {
        pending += await client
          .db(name)
          .collection(collection)
          .countDocuments({ 'outbox.0': { $exists: true } });
      }
    }
    return pending;
  } finally {
    await client.close();
  }
}

/** Every booking of a resource, page by page. */
async function bookingsOf(platform: RunningPlatform, resourceId: string) {
  const all: (Acked & { status: string })[] = [];
  for (let cursor: string | undefined; ;) {
    const query = `resourceId=${resourceId}&limit=500${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await platform.api('GET', `/v1/bookings?${query}`, { token: zoneAdmin });
    all.push(...page.body.items);
    cursor = page.body.nextCursor ?? undefined;
    if (!cursor) return all;
  }
}

describe('npm start, crashed', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'labshare-crash-'));
  let platform: RunningPlatform | undefined;
  afterAll(async () => {
    await platform?.crash().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when the whole platform is killed (SIGKILL, JVMs included) while 16 clients book, then after a restart every 201 is stored, no unit is oversold, the outboxes drain and each event took effect once', async () => {
    platform = await startPlatform(dataDir);
    const { api } = platform;
    const provider = await createOrg(api, 'university');
    const consumer = await createOrg(api, 'enterprise');
    const resources = await Promise.all(Array.from({ length: 6 }, () => createResource(api, provider)));

    const acked: Acked[] = [];
    const createdDuringStorm: string[] = [];
    let crashed = false;
    const answers: Record<number, number> = {};
    const bookers = Array.from({ length: CLIENTS }, async (_, client) => {
      const token = consumer.booker(`client-${client}`);
      for (let i = 0; !crashed; i++) {
        const resourceId = resources[(client + i) % resources.length]!;
        const n = Math.floor(Math.random() * SLOTS);
        const answer = await book(api, token, resourceId, n).catch(() => undefined);
        answers[answer?.status ?? 0] = (answers[answer?.status ?? 0] ?? 0) + 1;
        if (answer?.status === 201) acked.push({ id: answer.body.id, resourceId, ...slot(n) });
      }
    });
    // Resources made during the storm too: their events may sit in inventory's outbox at the kill.
    const creator = (async (owner: TestOrg) => {
      while (!crashed) {
        const id = await createResource(api, owner).catch(() => undefined);
        if (id) createdDuringStorm.push(id);
      }
    })(provider);
    await waitFor(() => acked.length >= 40 && createdDuringStorm.length >= 2, {
      timeoutMs: 120_000,
      what: '40 bookings and 2 resources acknowledged',
    }).catch((error: Error) => {
      throw new Error(`${error.message}; answers by status: ${JSON.stringify(answers)}`);
    });
    await platform.crash();
    crashed = true;
    await Promise.all([...bookers, creator]);
    const mongoUrlBefore = platform.mongoUrl();
    expect(mongoUrlBefore).not.toBe('');

    platform = await startPlatform(dataDir);
    const restarted = platform;
    await waitFor(async () => (await pendingOutboxes(restarted.mongoUrl())) === 0, {
      timeoutMs: 60_000,
      what: 'every outbox drained',
    });
    // Every booking that got a 201 is stored as it was acknowledged (the projection is repaired
    // from booking's own events if the crash fell between the calendar write and it).
    for (const booking of acked) {
      const stored = await waitFor(
        async () => {
          const answer = await restarted.api('GET', `/v1/bookings/${booking.id}`, { token: zoneAdmin });
          if (answer.status !== 200) throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
          return answer.body;
        },
        { what: `booking ${booking.id}` },
      );
      expect(stored).toMatchObject({ ...booking, status: 'confirmed' });
    }
    // No unit oversold (capacity 1: no two live bookings of a resource share a slot), no booking
    // listed twice.
    for (const resourceId of resources) {
      const listed = await bookingsOf(restarted, resourceId);
      expect(new Set(listed.map((b) => b.id)).size).toBe(listed.length);
      const live = listed.filter((b) => b.status === 'confirmed').map((b) => b.start);
      expect(new Set(live).size).toBe(live.length);
      const ackedHere = acked.filter((b) => b.resourceId === resourceId).map((b) => b.id);
      expect(listed.map((b) => b.id)).toEqual(expect.arrayContaining(ackedHere));
    }
    // Every resource inventory acknowledged reaches booking's read model (by event, not read-through).
    const everyResource = [...resources, ...createdDuringStorm];
    await waitFor(
      async () => {
        const query = `orgId=${provider.id}&kind=equipment&from=${slot(SLOTS).start}&to=${slot(SLOTS + 1).end}&durationMinutes=30&limit=200`;
        const listed = await restarted.api('GET', `/v1/availability?${query}`, { token: zoneAdmin });
        const known = new Set(listed.body.items?.map((r: { resourceId: string }) => r.resourceId));
        return everyResource.every((id) => known.has(id));
      },
      { timeoutMs: 60_000, what: 'every resource known to booking' },
    );
  }, 300_000);
});
