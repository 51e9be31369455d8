import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxRelay, type OutboxSource } from '@labshare/messaging';
import type { OutboxEntry } from '@labshare/mongo';
import { eventTap, testInfra, waitFor, type EventTap } from '@labshare/testkit';
import { incremented, logger, messagingHarness, TOPIC } from '../support/messaging-harness';

type Harness = Awaited<ReturnType<typeof messagingHarness>>;

/** The source, counting the claims the relay asks it for (the database behind it is real). */
function counted(source: OutboxSource, beforeSend?: OutboxSource['beforeSend']) {
  const calls = { claim: 0, claimDocuments: 0 };
  const wrapped: OutboxSource = {
    name: source.name,
    claim: (limit) => ((calls.claim += 1), source.claim(limit)),
    claimDocuments: (ids) => ((calls.claimDocuments += 1), source.claimDocuments(ids)),
    markRelayed: (id, eventIds, batch) => source.markRelayed(id, eventIds, batch),
    flush: () => source.flush?.() ?? Promise.resolve(),
    beforeSend,
  };
  return { wrapped, calls };
}

/** A state change whose write queues its event and claims the outbox for this process, as calendars do. */
async function writeClaimed(h: Harness, n: number) {
  const _id = randomUUID();
  const claim = h.source.claimInWrite(_id);
  const event = incremented(h.counterId, n);
  await h.Ledger.collection.insertOne({
    _id: _id as never,
    total: n,
    outbox: [{ topic: TOPIC, event }],
    ...claim.set,
  });
  const doc = await h.Ledger.findById(_id, { outbox: 1 }).lean<{ outbox: OutboxEntry[] }>();
  return { event, written: claim.written(doc!.outbox) };
}

describe('outbox claimed by the write that queued it', () => {
  let h: Harness | undefined;
  let tap: EventTap | undefined;
  const relays: OutboxRelay[] = [];
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await tap?.stop();
    await h?.close();
  });

  async function setUp(
    leaseMs: number,
    clearDelayMs = 0,
    lingerMs = 0,
    beforeSend?: OutboxSource['beforeSend'],
  ) {
    h = await messagingHarness(testInfra(), { leaseMs, clearDelayMs });
    const infra = testInfra();
    tap = await eventTap({ KAFKA_BROKERS: infra.kafkaBrokers, KAFKA_TOPIC_PREFIX: h.topicPrefix }, [TOPIC]);
    const { wrapped, calls } = counted(h.source, beforeSend);
    // The sends the relay makes: when, and how many events (the broker behind them is real).
    const sends: { at: number; events: number }[] = [];
    const bus = Object.create(h.bus) as typeof h.bus;
    bus.publish = (topic, events) => {
      sends.push({ at: Date.now(), events: events.length });
      return h!.bus.publish(topic, events);
    };
    const relay = new OutboxRelay({ bus, sources: [wrapped], logger, pollMs: 50, lingerMs });
    relays.push(relay);
    return { h, tap, relay, calls, sends };
  }

  /** Three claimed writes, each nudging a started relay 60 ms after the one before, all three sent. */
  async function sentAfterNudgesApart(lingerMs: number) {
    const { h, tap, relay, sends } = await setUp(30_000, 0, lingerMs);
    relay.start();
    const writes: (Awaited<ReturnType<typeof writeClaimed>> & { nudgedAt: number })[] = [];
    for (const n of [0, 1, 2]) {
      if (n > 0) await new Promise((resolve) => setTimeout(resolve, 60));
      const write = await writeClaimed(h, n);
      writes.push({ ...write, nudgedAt: Date.now() });
      relay.nudge(write.written);
    }
    await waitFor(() => writes.every(({ event }) => tap.all.some((e) => e.id === event.id)), {
      what: 'the three events on the topic',
    });
    return { writes, sends };
  }

  it('when writes nudge the relay within its linger, then their events go in one send, once the linger from the first nudge has passed', async () => {
    const { writes, sends } = await sentAfterNudgesApart(400);
    expect(sends.map((s) => s.events)).toEqual([3]);
    // Timers run off the event loop's clock, which may trail Date.now() by a few ms.
    expect(sends[0]!.at - writes[0]!.nudgedAt).toBeGreaterThanOrEqual(390);
  });

  it('when the relay does not linger, then the same nudges go in sends of their own', async () => {
    const { sends } = await sentAfterNudgesApart(0);
    expect(sends.length).toBeGreaterThan(1);
    expect(sends.reduce((sum, s) => sum + s.events, 0)).toBe(3);
  });

  it('when the relay stops while a nudge lingers, then it sends the nudged events before it has stopped', async () => {
    const { h, tap, relay, sends } = await setUp(30_000, 0, 60_000);
    relay.start();
    const { event, written } = await writeClaimed(h, 5);
    relay.nudge(written);
    await relay.stop();
    expect(sends.map((s) => s.events)).toEqual([1]);
    await waitFor(() => tap.all.some((e) => e.id === event.id), { what: 'the event on the topic' });
  });

  it('when the writer nudges its relay with what it claimed, then the events are sent without claiming the document again', async () => {
    const { h, tap, relay, calls } = await setUp(30_000);
    relay.start();
    const writes = await Promise.all([0, 1, 2].map((n) => writeClaimed(h, n)));
    for (const { written } of writes) relay.nudge(written);
    await waitFor(() => writes.every(({ event }) => tap.all.some((e) => e.id === event.id)), {
      what: 'the three events on the topic',
    });
    await waitFor(async () => (await h.pendingInOutbox()) === 0, { what: 'outboxes cleared' });
    expect(calls.claimDocuments).toBe(0);
    const cleared = await h.Ledger.find({}, { outboxClaimedUntil: 1 }).lean<
      { outboxClaimedUntil: Date | null }[]
    >();
    expect(cleared.every((d) => d.outboxClaimedUntil === null)).toBe(true);
  });

  it('when the source has more to write before its events leave, then the relay sends them only after that, and while that fails sends nothing and keeps them', async () => {
    let failing = true;
    const before: { events: string[]; sentBefore: number }[] = [];
    const { h, tap, relay, sends } = await setUp(300, 0, 0, async (events) => {
      before.push({ events: events.map((e) => e.event.id), sentBefore: sends.length });
      if (failing) throw new Error('the read model is away');
    });
    // A write whose writer died before relaying, its claim run out: the sweep finds it.
    const event = incremented(h.counterId, 4);
    await h.Ledger.collection.insertOne({
      _id: randomUUID() as never,
      total: 4,
      outbox: [{ topic: TOPIC, event }],
      outboxClaimedUntil: null,
    });
    await expect(relay.drain()).rejects.toThrow('the read model is away');
    expect(before).toEqual([{ events: [event.id], sentBefore: 0 }]);
    expect(sends).toHaveLength(0);
    expect(await h.pendingInOutbox()).toBe(1);

    failing = false;
    // The failed pass's claim runs out, and a sweep claims the document again.
    await waitFor(async () => (await relay.drain()) === 1, { what: 'the event relayed' });
    expect(before.at(-1)).toEqual({ events: [event.id], sentBefore: 0 });
    expect(sends).toEqual([expect.objectContaining({ events: 1 })]);
    await waitFor(() => tap.all.some((e) => e.id === event.id), { what: 'the event on the topic' });
    expect(await h.pendingInOutbox()).toBe(0);
  });

  it('when the writing process dies before relaying, then no sweep takes the claimed document until the claim runs out, and then one relays it', async () => {
    const leaseMs = 1_500;
    const { h, tap, relay } = await setUp(leaseMs);
    const { event } = await writeClaimed(h, 7);
    const claimedAt = Date.now();
    // The writer died: its nudge never reaches a relay. Another replica's relay sweeps.
    expect(await relay.drain()).toBe(0);
    relay.start();
    await waitFor(() => tap.all.some((e) => e.id === event.id), {
      what: 'the event relayed after the claim ran out',
      timeoutMs: 20_000,
    });
    expect(Date.now() - claimedAt).toBeGreaterThanOrEqual(leaseMs);
    await waitFor(async () => (await h.pendingInOutbox()) === 0, { what: 'outbox cleared' });
  });

  it('when a claim is about to run out when the relay gets to it, then the relay claims the document again before sending', async () => {
    const { h, tap, relay, calls } = await setUp(1_000);
    const { event, written } = await writeClaimed(h, 9);
    await waitFor(() => Date.now() > written.claimed!.until, { what: 'the claim ran out' });
    relay.start();
    relay.nudge(written); // before the first pass runs: it takes the nudged documents first
    await waitFor(() => tap.all.some((e) => e.id === event.id), { what: 'the event relayed' });
    expect(calls.claimDocuments).toBeGreaterThan(0);
  });

  it('when the document is written again before its delayed clean-up, then that write carries it: no clean-up write, nothing sent twice', async () => {
    const { h, tap, relay } = await setUp(30_000, 60_000);
    relay.start();
    const first = await writeClaimed(h, 1);
    const _id = first.written.documentId;
    relay.nudge(first.written);
    await waitFor(() => tap.all.some((e) => e.id === first.event.id), { what: 'the first event sent' });
    // Sent, and its clean-up waits for the next write: the event is still in the outbox.
    expect(await h.pendingInOutbox()).toBe(1);
    // The next write knows the outbox it left (the first event) and what was relayed from it.
    const claim = h.source.claimInWrite(_id);
    expect([...claim.relayed]).toEqual([first.event.id]);
    const second = incremented(h.counterId, 2);
    const kept = [{ topic: TOPIC, event: first.event }].filter((e) => !claim.relayed.has(e.event.id));
    const doc = await h.Ledger.findOneAndUpdate(
      { _id },
      { $set: { ...claim.set, outbox: [...kept, { topic: TOPIC, event: second }] } },
      { projection: { outbox: 1 }, new: true },
    ).lean<{ outbox: OutboxEntry[] }>();
    claim.carried();
    relay.nudge(claim.written(doc!.outbox));
    await waitFor(() => tap.all.some((e) => e.id === second.id), { what: 'the second event sent' });
    expect(tap.all.filter((e) => e.id === first.event.id)).toHaveLength(1);
    expect(h.source.claimInWrite(_id).relayed.has(first.event.id)).toBe(false);
    // Stopping the relay does the clean-up still due.
    await relay.stop();
    expect(await h.pendingInOutbox()).toBe(0);
  });

  it('when the document is not written again, then the relay clears it after the delay', async () => {
    const { h, tap, relay } = await setUp(30_000, 300);
    relay.start();
    const { event, written } = await writeClaimed(h, 3);
    relay.nudge(written);
    await waitFor(() => tap.all.some((e) => e.id === event.id), { what: 'the event sent' });
    await waitFor(async () => (await h.pendingInOutbox()) === 0, { what: 'outbox cleared after the delay' });
    const doc = await h.Ledger.findById(written.documentId, { outboxClaimedUntil: 1 }).lean<{
      outboxClaimedUntil: Date | null;
    }>();
    expect(doc!.outboxClaimedUntil).toBeNull();
  });
});
