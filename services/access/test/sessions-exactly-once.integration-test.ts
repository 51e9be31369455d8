import type { ChildProcess } from 'node:child_process';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPassKeyPem } from '@labshare/auth';
import { sessionEventTypes, topics, usageRecordTypes } from '@labshare/contracts';
import {
  Announcer,
  apiClient,
  bookingSnapshot,
  eventTap,
  exited,
  startChildUntil,
  testEnv,
  waitFor,
  type EventTap,
} from '@labshare/testkit';
import { loadAccessConfig } from '../src/config';
import { start } from '../src/start';
import {
  bookWithPass,
  exactlyOnce,
  makeOrg,
  makeResource,
  startAccessService,
  type AccessHarness,
} from './access-fixture';

const MINUTE = 60_000;

describe('a crash between check-out and publishing', () => {
  const env = testEnv({ ACCESS_PASS_KEYS: newPassKeyPem(), ACCESS_SCAN_CRON: '0 0 0 1 1 *' });
  const announcer = new Announcer(env, 'crash-test');
  let tap: EventTap;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    await announcer.bus.ensureTopics([topics.usage, topics.resources, topics.bookings, topics.sessions], 3);
    tap = await eventTap(env, [topics.usage]);
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await tap?.stop();
    await announcer.stop();
  });

  it('when the access process is killed (SIGKILL) after the check-out was written, then the usage record still arrives, exactly once', async () => {
    const started = await startChildUntil(
      'services/access/test/support/access-without-relay.ts',
      { ...env, ACCESS_PORT: '0' },
      (output) => /access ready without relay on (\S+)/.exec(output)?.[1],
    );
    child = started.child;
    const api = apiClient(started.found);
    const provider = makeOrg('university');
    const consumer = makeOrg('training_body');
    const resource = await announcer.resource(provider);
    // Starts in 5 minutes: the pass (valid 10 minutes early) opens the door now, in real time.
    const startsAt = Math.ceil(Date.now() / MINUTE) * MINUTE + 5 * MINUTE;
    const booking = await announcer.booking(
      bookingSnapshot(resource, consumer, {
        start: new Date(startsAt).toISOString(),
        end: new Date(startsAt + 60 * MINUTE).toISOString(),
      }),
    );
    const pass = await waitFor(
      async () => {
        const answer = await api('POST', '/v1/passes', {
          token: consumer.booker(),
          body: { bookingId: booking.id },
        });
        return answer.status === 201 && answer.body;
      },
      { what: 'a pass from the doomed process' },
    );
    const checkIn = await api('POST', '/v1/access/check-in', {
      token: provider.device(),
      body: { token: pass.token, resourceId: resource.id },
    });
    expect(checkIn.status).toBe(200);
    const checkOut = await api('POST', '/v1/access/check-out', {
      token: provider.device(),
      body: { sessionId: checkIn.body.sessionId },
    });
    expect(checkOut.status).toBe(200);

    child.kill('SIGKILL');
    await exited(child);
    const usageId = `usage-${checkIn.body.sessionId}`;
    expect(tap.all.filter((e) => e.id === usageId)).toEqual([]);
    const client = await MongoClient.connect(env.MONGO_URL!);
    const sessions = client
      .db(`${env.MONGO_DB_PREFIX}access`)
      .collection<{ _id: string; outbox: unknown[] }>('sessions');
    try {
      expect((await sessions.findOne({ _id: checkIn.body.sessionId }))?.outbox).toHaveLength(2);

      // The service comes back (or another replica runs): its relay finds the outbox.
      const restarted = await start(loadAccessConfig(env));
      try {
        const { first, copies } = await exactlyOnce(
          { announcer },
          tap,
          topics.usage,
          provider.id,
          (e) => e.id === usageId,
        );
        expect(copies).toHaveLength(1);
        expect(first.type).toBe(usageRecordTypes.recorded);
        expect(first.data.usageRecord).toMatchObject({
          minutes: checkOut.body.minutes,
          consumerKind: 'training_body',
        });
        await waitFor(
          async () => (await sessions.findOne({ _id: checkIn.body.sessionId }))?.outbox.length === 0,
          {
            what: 'outbox cleared',
          },
        );
        // A device retrying its check-out after the crash gets the same close, and no second record.
        const again = await apiClient(restarted.url)('POST', '/v1/access/check-out', {
          token: provider.device(),
          body: { sessionId: checkIn.body.sessionId },
        });
        expect(again.body).toEqual(checkOut.body);
        const after = await exactlyOnce(
          { announcer },
          tap,
          topics.usage,
          provider.id,
          (e) => e.id === usageId,
        );
        expect(after.copies).toHaveLength(1);
      } finally {
        await restarted.stop();
      }
    } finally {
      await client.close();
    }
  }, 120_000);
});

describe('two replicas, one booking', () => {
  let h: AccessHarness;
  let tap: EventTap;
  beforeAll(async () => {
    h = await startAccessService({}, 2);
    tap = await eventTap(h.env, [topics.sessions]);
  });
  afterAll(async () => {
    h.clock.fixed = undefined;
    await tap?.stop();
    await h?.stop();
  });

  it('when the same pass is presented 20 times at once through two replicas, then there is one session and one check-in event', async () => {
    const provider = makeOrg('university');
    const resource = await makeResource(h, provider);
    const { booking, pass } = await bookWithPass(h, resource, makeOrg('enterprise'));
    h.clock.set(Date.parse(booking.start));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.apis[i % 2]!('POST', '/v1/access/check-in', {
          token: provider.device(`door-${i % 2}`),
          body: { token: pass.token, resourceId: resource.id },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((a) => a.body.sessionId))).toEqual(new Set([`session-${booking.id}`]));
    expect(new Set(answers.map((a) => a.body.startedAt)).size).toBe(1);
    const { copies } = await exactlyOnce(
      h,
      tap,
      topics.sessions,
      resource.id,
      (e) => e.type === sessionEventTypes.checkedIn && e.data.bookingId === booking.id,
    );
    expect(copies).toHaveLength(1);
  });
});

describe('the automatic check-out', () => {
  let h: AccessHarness;
  let tap: EventTap;
  beforeAll(async () => {
    h = await startAccessService({
      ACCESS_SCAN_CRON: '*/1 * * * * *',
      ACCESS_AUTO_CHECKOUT_GRACE_MINUTES: '15',
    });
    tap = await eventTap(h.env, [topics.usage]);
  });
  afterAll(async () => {
    h.clock.fixed = undefined;
    await tap?.stop();
    await h?.stop();
  });

  it('when nobody checks out, then the scan closes the session after end + grace, counting to the booked end', async () => {
    const provider = makeOrg('university');
    const resource = await makeResource(h, provider);
    const { booking, pass } = await bookWithPass(h, resource, makeOrg('enterprise'));
    const start = Date.parse(booking.start);
    const end = Date.parse(booking.end);
    h.clock.set(start + 7 * MINUTE);
    const checkIn = await h.api('POST', '/v1/access/check-in', {
      token: provider.device(),
      body: { token: pass.token, resourceId: resource.id },
    });
    expect(checkIn.status).toBe(200);

    h.clock.set(end + 14 * MINUTE); // still within the grace: the scan leaves it open
    await h.services[0]!.scheduler.runNow('session-close');
    expect(
      tap.all.some(
        (e) => e.data.usageRecord && (e.data.usageRecord as { bookingId: string }).bookingId === booking.id,
      ),
    ).toBe(false);

    h.clock.set(end + 15 * MINUTE);
    const event = await waitFor(
      () =>
        tap.all.find(
          (e) => (e.data.usageRecord as { bookingId?: string } | undefined)?.bookingId === booking.id,
        ),
      { what: 'the scan closes the session' },
    );
    expect(event.data.usageRecord).toMatchObject({
      closedBy: 'auto',
      start: new Date(start + 7 * MINUTE).toISOString(),
      end: booking.end,
      minutes: 53,
    });
    const late = await h.api('POST', '/v1/access/check-out', {
      token: provider.device(),
      body: { sessionId: checkIn.body.sessionId },
    });
    expect(late.body).toMatchObject({ endedAt: booking.end, minutes: 53 });
  });
});
