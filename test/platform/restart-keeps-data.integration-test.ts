// `npm start`, stopped with SIGTERM and started again on the same data folder, finds everything.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AssignerProtocol, Kafka, logLevel, type Admin } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalInfra } from '@labshare/local-infra';
import { waitFor } from '@labshare/testkit';
import { book, createOrg, createResource, slot, zoneAdmin } from '../support/platform-data';
import { startPlatform, type RunningPlatform } from '../support/platform-process';

/** Runs `use` with a Kafka admin client connected to `brokers`, disconnected afterwards. */
async function withAdmin<T>(brokers: string, use: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = new Kafka({ brokers: [brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Every consumer group's committed offsets, read straight from the broker. */
function committedOffsets(brokers: string) {
  return withAdmin(brokers, async (admin) => {
    const { groups } = await admin.listGroups();
    const offsets: Record<string, string[]> = {};
    for (const { groupId } of groups.sort((a, b) => a.groupId.localeCompare(b.groupId))) {
      const topics = await admin.fetchOffsets({ groupId });
      offsets[groupId] = topics.flatMap((t) =>
        t.partitions.map((p) => `${t.topic}/${p.partition}@${p.offset}`),
      );
    }
    return offsets;
  });
}

/** Booking's per-replica groups, which never commit (their names end in the replica's id). */
const ephemeralGroup = /\.(calendar-news|inventory-memory)\.[^.]+$/;

/**
 * Whether every committing group has committed all it is assigned, up to the end of each partition.
 * kafkajs commits after the handler has stored a batch, so a read model can show an event before its
 * offset is committed; a stop would then commit it, and the offsets compared would differ.
 */
function offsetsSettled(brokers: string): Promise<boolean> {
  return withAdmin(brokers, async (admin) => {
    const { groups } = await admin.listGroups();
    const ids = groups.map((g) => g.groupId).filter((id) => !ephemeralGroup.test(id));
    const described = await admin.describeGroups(ids);
    const ends = new Map<string, Map<number, string>>();
    for (const group of described.groups) {
      const committed = new Map(
        (await admin.fetchOffsets({ groupId: group.groupId })).flatMap((t) =>
          t.partitions.map((p) => [`${t.topic}/${p.partition}`, p.offset] as const),
        ),
      );
      for (const member of group.members) {
        const { assignment } = AssignerProtocol.MemberAssignment.decode(member.memberAssignment)!;
        for (const [topic, partitions] of Object.entries(assignment)) {
          if (!ends.has(topic)) {
            const offsets = await admin.fetchTopicOffsets(topic);
            ends.set(topic, new Map(offsets.map((o) => [o.partition, o.high])));
          }
          for (const partition of partitions) {
            const end = ends.get(topic)!.get(partition)!;
            const at = committed.get(`${topic}/${partition}`) ?? '-1';
            if (end !== '0' && at !== end) return false;
          }
        }
      }
    }
    return true;
  });
}

describe('npm start, restarted', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'labshare-restart-'));
  let platform: RunningPlatform | undefined;
  afterAll(async () => {
    await platform?.crash().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when stopped with SIGTERM and started again on the same data folder, then orgs, resources, bookings, waitlists and consumer offsets are all there, and old bookings still refuse overlaps (409)', async () => {
    platform = await startPlatform(dataDir);
    const { api } = platform;
    const provider = await createOrg(api, 'university');
    const consumer = await createOrg(api, 'enterprise');
    const resourceId = await createResource(api, provider);
    const booked = await book(api, consumer.booker('ann'), resourceId, 0);
    expect(booked.status).toBe(201);
    const waiting = await api('POST', '/v1/waitlist', {
      token: consumer.booker('bob'),
      body: { resourceId, ...slot(0) },
    });
    expect(waiting.body).toMatchObject({ status: 'waiting' });
    const reads = [
      `/v1/orgs/${provider.id}`,
      `/v1/orgs/${consumer.id}`,
      `/v1/resources/${resourceId}`,
      `/v1/bookings/${booked.body.id}`,
      `/v1/bookings?resourceId=${resourceId}`,
      `/v1/waitlist?resourceId=${resourceId}`,
    ];
    const read = async (p: RunningPlatform) =>
      Promise.all(reads.map(async (url) => (await p.api('GET', url, { token: zoneAdmin })).body));
    const before = await read(platform);
    // Quiet before the stop: the events of these writes are relayed and consumed.
    await waitFor(
      async () => {
        const listed = await api(
          'GET',
          `/v1/availability?orgId=${provider.id}&kind=equipment&from=${slot(1).start}&to=${slot(2).end}&durationMinutes=30`,
          { token: zoneAdmin },
        );
        return listed.body.items?.some((r: { resourceId: string }) => r.resourceId === resourceId);
      },
      { what: 'the resource in booking read model' },
    );
    const brokers = /KAFKA_BROKERS=(\S+)/.exec(platform.output())![1]!;
    await waitFor(() => offsetsSettled(brokers), { what: 'every consumed offset committed' });
    const offsetsBefore = await committedOffsets(brokers);
    expect(
      Object.values(offsetsBefore)
        .flat()
        .filter((p) => !/@(-1|0)$/.test(p)).length,
    ).toBeGreaterThan(0);
    await platform.stop();
    platform = undefined;

    // The broker alone, before any consumer runs again: the offsets were kept, not re-earned.
    const infra = await startLocalInfra({ dataDir, durable: true, log: () => undefined });
    try {
      // The group coordinator loads __consumer_offsets after the broker answers: wait for it.
      const offsetsAfter = await waitFor(
        async () => {
          const offsets = await committedOffsets(infra.kafkaBrokers);
          return Object.keys(offsets).length >= Object.keys(offsetsBefore).length && offsets;
        },
        { what: 'consumer groups loaded' },
      );
      expect(offsetsAfter).toEqual(offsetsBefore);
    } finally {
      await infra.stop();
    }

    platform = await startPlatform(dataDir);
    expect(await read(platform)).toEqual(before);
    const overlapping = await book(platform.api, consumer.booker('cid'), resourceId, 0);
    expect(overlapping.status).toBe(409);
    expect((await book(platform.api, consumer.booker('cid'), resourceId, 1)).status).toBe(201);
  }, 240_000);
});
