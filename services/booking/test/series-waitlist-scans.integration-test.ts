import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEvent, qualificationEventTypes, sessionEventTypes, topics } from '@labshare/contracts';
import { waitFor, dayAt, resourceSnapshot } from '@labshare/testkit';
import {
  admin,
  makeOrg,
  makeResource,
  startBookingService,
  type BookingHarness,
  type TestOrg,
} from './booking-fixture';

describe('series, waitlist, scans, calendar feed and qualifications', () => {
  let h: BookingHarness;
  let provider: TestOrg;
  let consumer: TestOrg;
  beforeAll(async () => {
    // HOLD_MINUTES/OFFER_MINUTES of 1 and scans run on demand through the scheduler.
    h = await startBookingService({ HOLD_MINUTES: '1', OFFER_MINUTES: '1' });
    provider = await makeOrg(h, 'university');
    consumer = await makeOrg(h, 'training_body');
  });
  afterAll(() => h?.stop());

  it('when a weekly series runs across a DST change, then 09:00 local stays 09:00 local', async () => {
    const resource = await makeResource(h, provider, {
      timezone: 'Europe/Berlin',
      policy: { ...resourceSnapshot(provider).policy, horizonDays: 800 },
    });
    // Berlin moves from CET (+01:00) to CEST (+02:00) on the last Sunday of March: start on the
    // Tuesday twelve days before the next such Sunday, so two occurrences fall on each side.
    const dstSunday = nextSpringForward();
    const day = (offsetDays: number) =>
      new Date(dstSunday.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const answer = await h.api('POST', '/v1/series', {
      token: consumer.booker(),
      body: {
        resourceId: resource.id,
        start: `${day(-12)}T09:00:00+01:00`,
        end: `${day(-12)}T11:00:00+01:00`,
        rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4',
        onConflict: 'fail',
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.bookings.map((b: { start: string }) => b.start)).toEqual([
      `${day(-12)}T08:00:00.000Z`,
      `${day(-5)}T08:00:00.000Z`,
      `${day(2)}T07:00:00.000Z`,
      `${day(9)}T07:00:00.000Z`,
    ]);
    expect(answer.body.skipped).toEqual([]);
  });

  it('when a series meets a taken occurrence, then fail books nothing (409) and skip books the rest and says why', async () => {
    const resource = await makeResource(h, provider);
    await h.api('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: resource.id, start: dayAt(15, 2), end: dayAt(15, 3) },
    });
    const body = {
      resourceId: resource.id,
      start: dayAt(1, 2),
      end: dayAt(1, 3),
      rrule: 'FREQ=DAILY;COUNT=20',
    };
    const failed = await h.api('POST', '/v1/series', {
      token: consumer.booker(),
      body: { ...body, onConflict: 'fail' },
    });
    expect(failed.status).toBe(409);
    expect(failed.body.code).toBe('series_conflict');
    expect(failed.body.conflicts).toEqual([{ start: dayAt(15, 2), end: dayAt(15, 3), reason: 'conflict' }]);
    const none = await h.api('GET', `/v1/bookings?resourceId=${resource.id}`, { token: admin });
    expect(none.body.items).toHaveLength(1);

    const skipped = await h.api('POST', '/v1/series', {
      token: consumer.booker(),
      body: { ...body, onConflict: 'skip' },
    });
    expect(skipped.status).toBe(201);
    expect(skipped.body.bookings).toHaveLength(19);
    expect(skipped.body.skipped).toEqual([{ start: dayAt(15, 2), end: dayAt(15, 3), reason: 'conflict' }]);

    const cancelled = await h.api('POST', `/v1/series/${skipped.body.id}/cancel`, {
      token: consumer.booker(),
      body: { from: dayAt(10, 0) },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.cancelled).toHaveLength(10); // days 10..20 except the taken day 15
  });

  it('when a series rule has neither COUNT nor UNTIL, then it is a 400 naming the rule', async () => {
    const resource = await makeResource(h, provider);
    const answer = await h.api('POST', '/v1/series', {
      token: consumer.booker(),
      body: { resourceId: resource.id, start: dayAt(1, 2), end: dayAt(1, 3), rrule: 'FREQ=DAILY' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('body.rrule');
  });

  it('when a booking is cancelled, then the oldest waiting request that fits is offered a hold; unconfirmed, it passes on', async () => {
    const resource = await makeResource(h, provider);
    const slot = { resourceId: resource.id, start: dayAt(20, 2), end: dayAt(20, 3) };
    const taken = await h.api('POST', '/v1/bookings', { token: provider.booker(), body: slot });
    const first = await h.api('POST', '/v1/waitlist', { token: consumer.booker('first'), body: slot });
    const second = await h.api('POST', '/v1/waitlist', { token: consumer.booker('second'), body: slot });
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('waiting');

    await h.api('POST', `/v1/bookings/${taken.body.id}/cancel`, { token: provider.booker() });
    const offered = await h.api('GET', `/v1/waitlist?resourceId=${resource.id}`, {
      token: consumer.booker(),
    });
    const [firstEntry, secondEntry] = offered.body.items;
    expect(firstEntry).toMatchObject({ id: first.body.id, status: 'offered', bookingId: expect.any(String) });
    expect(secondEntry).toMatchObject({ id: second.body.id, status: 'waiting' });
    const hold = await h.api('GET', `/v1/bookings/${firstEntry.bookingId}`, { token: consumer.booker() });
    expect(hold.body).toMatchObject({ status: 'held', userId: 'first', start: slot.start });

    // The offer lapses (1 minute): the scan expires it and offers the slot to the second request.
    await runScanAt(h, new Date(Date.now() + 2 * 60_000));
    const passed = await h.api('GET', `/v1/waitlist?resourceId=${resource.id}`, { token: consumer.booker() });
    expect(passed.body.items.map((e: { status: string }) => e.status)).toEqual(['lapsed', 'offered']);
  });

  it('when a confirmed booking sees no check-in by start + grace, then the scan records a no-show with its fee', async () => {
    const resource = await makeResource(h, provider);
    const checkedIn = await h.api('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: resource.id, start: dayAt(1, 4), end: dayAt(1, 5) },
    });
    const absent = await h.api('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: resource.id, start: dayAt(1, 6), end: dayAt(1, 7) },
    });
    await h.bus.publish(topics.sessions, [
      newEvent({
        source: 'test/access',
        type: sessionEventTypes.checkedIn,
        subject: resource.id,
        time: new Date(),
        data: {
          sessionId: 's1',
          bookingId: checkedIn.body.id,
          resourceId: resource.id,
          startedAt: dayAt(1, 4),
        },
      }),
    ]);
    await waitFor(
      async () =>
        (await h.api('GET', `/v1/bookings/${checkedIn.body.id}`, { token: admin })).body.version === 2,
      {
        what: 'check-in recorded',
      },
    );
    await runScanAt(h, new Date(Date.parse(dayAt(1, 8))));
    const noShow = await h.api('GET', `/v1/bookings/${absent.body.id}`, { token: admin });
    expect(noShow.body).toMatchObject({ status: 'no_show', fee: { amount: 25000, currency: 'CNY' } });
    expect((await h.api('GET', `/v1/bookings/${checkedIn.body.id}`, { token: admin })).body.status).toBe(
      'confirmed',
    );
  });

  it('when a resource requires a qualification, then only a user holding it (unexpired at the end) may book', async () => {
    const resource = await makeResource(h, provider, { requiredQualifications: ['laser-safety'] });
    const body = { resourceId: resource.id, start: dayAt(3, 1), end: dayAt(3, 2) };
    const refused = await h.api('POST', '/v1/bookings', { token: consumer.booker('carol'), body });
    expect(refused.status).toBe(422);
    expect(refused.body.violations).toContain('unqualified');
    await h.bus.publish(topics.qualifications, [
      newEvent({
        source: 'test/access',
        type: qualificationEventTypes.granted,
        subject: 'q1',
        time: new Date(),
        data: {
          qualification: {
            id: `q-${resource.id}`,
            orgId: provider.id,
            userId: 'carol',
            name: 'laser-safety',
            expiresAt: null,
            revokedAt: null,
            version: 1,
          },
        },
      }),
    ]);
    const booked = await waitFor(
      async () => {
        const answer = await h.api('POST', '/v1/bookings', { token: consumer.booker('carol'), body });
        return answer.status === 201 && answer;
      },
      { what: 'qualified booking accepted' },
    );
    expect(booked.body.status).toBe('confirmed');
  });

  it('when bookings ended longer ago than the retention, then the prune job moves them out of the calendar and they stay readable', async () => {
    const resource = await makeResource(h, provider);
    const old = await h.api('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: resource.id, start: dayAt(1, 1), end: dayAt(1, 2) },
    });
    const recent = await h.api('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: resource.id, start: dayAt(30, 1), end: dayAt(30, 2) },
    });
    // 45 days on: the first ended 44 days ago (> 40), the second 15 days ago.
    await runJobAt(h, 'calendar-prune', new Date(Date.now() + 45 * 86_400_000));
    const client = await MongoClient.connect(h.env.MONGO_URL!);
    try {
      const calendar = await client
        .db(`${h.env.MONGO_DB_PREFIX}booking`)
        .collection<{ _id: string; bookings: { id: string }[] }>('calendars')
        .findOne({ _id: resource.id });
      expect(calendar?.bookings.map((b) => b.id)).toEqual([recent.body.id]);
    } finally {
      await client.close();
    }
    const stillThere = await h.api('GET', `/v1/bookings/${old.body.id}`, { token: consumer.booker() });
    expect(stillThere.status).toBe(200);
    expect(stillThere.body.status).toBe('confirmed');
    const listed = await h.api('GET', `/v1/bookings?resourceId=${resource.id}`, { token: admin });
    expect(listed.body.items.map((b: { id: string }) => b.id)).toEqual([old.body.id, recent.body.id]);
  });

  it('when the calendar feed is fetched, then it is RFC 5545 with cancelled bookings marked cancelled', async () => {
    const resource = await makeResource(h, provider);
    const kept = await h.api('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: resource.id, start: dayAt(2, 1), end: dayAt(2, 2), purpose: 'Welding course' },
    });
    const dropped = await h.api('POST', '/v1/bookings', {
      token: consumer.booker(),
      body: { resourceId: resource.id, start: dayAt(2, 3), end: dayAt(2, 4) },
    });
    await h.api('POST', `/v1/bookings/${dropped.body.id}/cancel`, { token: consumer.booker() });
    const feed = await h.api('GET', `/v1/calendar.ics?resourceId=${resource.id}`, {
      token: consumer.booker(),
    });
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const text = String(feed.body);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain(`UID:${kept.body.id}@labshare`);
    expect(text).toContain(`UID:${dropped.body.id}@labshare`);
    expect(text).toContain('STATUS:CONFIRMED');
    expect(text).toContain('STATUS:CANCELLED');
  });
});

/** Runs the booking scan (the real job, under its lease) as if the service's clock read `now`. */
function runScanAt(h: BookingHarness, now: Date): Promise<void> {
  return runJobAt(h, 'booking-scan', now);
}

async function runJobAt(h: BookingHarness, job: string, now: Date): Promise<void> {
  h.clock.offsetMs = now.getTime() - Date.now();
  try {
    await h.services[0]!.scheduler.runNow(job);
  } finally {
    h.clock.offsetMs = 0;
  }
}

/** The last Sunday of March (Europe's spring-forward day) at least 30 days from now, at 00:00 UTC. */
function nextSpringForward(): Date {
  for (let year = new Date().getUTCFullYear(); ; year++) {
    const sunday = new Date(Date.UTC(year, 2, 31));
    sunday.setUTCDate(31 - sunday.getUTCDay());
    if (sunday.getTime() > Date.now() + 30 * 86_400_000) return sunday;
  }
}
