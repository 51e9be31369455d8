import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testInfra } from '@labshare/testkit';
import { CalendarCache } from '../src/data-access/calendar-cache';
import type { CalendarWeekStore } from '../src/data-access/calendar-week-store';
import { CalendarRepository } from '../src/data-access/calendar.repository';
import { OccupancyView } from '../src/data-access/occupancy-view';
import { weekOf } from '../src/data-access/calendar-weeks';
import type { BookingDeps, CalendarChange } from '../src/domain/ports';
import { occupantOf, type BookingState, type Calendar } from '../src/domain/rules/booking-state';
import { calendarTurns, changeCalendar } from '../src/domain/support/change-calendar';
import { aBooking, HOUR, NOW } from './support/booking-states';
import { storedCalendars } from './support/stored-calendars';

/**
 * Calendars stored as a bounded head plus week documents (CalendarRepository), written by two
 * replicas (two connections, two repositories, each behind its own calendar cache, deciding through
 * the real `changeCalendar`) with a head of 3 bookings, so folds run all the time beside decisions.
 */
const HEAD = 3;
const DAY = 24 * HOUR;

function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const occupies = (b: BookingState) => b.status === 'confirmed' || b.status === 'held';
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

describe('calendars folded into week documents while two replicas decide on them', () => {
  const env = { MONGO_URL: testInfra().mongoUrl, MONGO_DB_PREFIX: `folds_${randomUUID().slice(0, 8)}_` };
  const connections: mongoose.Connection[] = [];
  const repositories: CalendarRepository[] = [];
  const replicas: BookingDeps[] = [];
  const warnings: unknown[] = [];

  const newRepository = async (headBookings = HEAD) => {
    const db = await mongoose
      .createConnection(env.MONGO_URL, { dbName: `${env.MONGO_DB_PREFIX}booking` })
      .asPromise();
    connections.push(db);
    const repository = new CalendarRepository(db, () => undefined, {
      headBookings,
      logger: { warn: (...args: unknown[]) => warnings.push(args) },
    });
    await repository.ensureIndexes();
    return repository;
  };

  const replicaOf = (repository: CalendarRepository) => {
    const held = {
      ...{ maxAgeMs: 60_000, holdMs: 60_000, maxEntries: 100, maxBookings: 100_000 },
      ...{ rereadMs: 60_000, logger: console },
    };
    const calendars = new CalendarCache(repository, new OccupancyView(async () => [], held), held);
    return {
      calendars,
      calendarTurns: calendarTurns(calendars),
      projection: { save: async () => undefined },
    } as unknown as BookingDeps;
  };

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const repository = await newRepository();
      repositories.push(repository);
      replicas.push(replicaOf(repository));
    }
  });
  afterAll(async () => {
    await Promise.all(repositories.map((r) => r.settled()));
    await connections[0]?.dropDatabase();
    await Promise.all(connections.map((c) => c.close()));
  });

  const decide = (replica: BookingDeps, resourceId: string, make: (calendar: Calendar) => CalendarChange) =>
    changeCalendar(replica, resourceId, (calendar) => {
      const change = make(calendar);
      return { change, result: change.put };
    });
  const put = (...bookings: BookingState[]): CalendarChange => ({ put: bookings, waitlist: [], events: [] });
  const nothing = put();

  it('when 320 bookings, reschedules across weeks and cancellations race on one resource, then every written version is kept once and no two bookings overlap', async () => {
    const resourceId = `res-${randomUUID()}`;
    const written = new Map<string, BookingState>();
    const record = (bookings: BookingState[]) => {
      for (const b of bookings) if ((written.get(b.id)?.version ?? 0) < b.version) written.set(b.id, b);
    };
    const worker = async (replica: BookingDeps, seed: number) => {
      const next = random(seed);
      for (let op = 0; op < 40; op++) {
        const roll = next();
        const start = NOW + Math.floor(next() * 42) * DAY + Math.floor(next() * 20) * HOUR;
        const hours = 1 + Math.floor(next() * 3);
        const pick = next();
        record(
          await decide(replica, resourceId, (calendar) => {
            const live = calendar.bookings.filter(occupies);
            const slot = { start, end: start + hours * HOUR };
            if (roll < 0.55 || live.length === 0) {
              if (live.some((b) => overlaps(b, slot))) return nothing;
              return put(aBooking({ id: randomUUID(), resourceId, ...slot, createdAt: NOW, updatedAt: NOW }));
            }
            const chosen = live[Math.floor(pick * live.length)]!;
            if (roll < 0.8) {
              if (live.some((b) => b.id !== chosen.id && overlaps(b, slot))) return nothing;
              return put({ ...chosen, ...slot, version: chosen.version + 1 });
            }
            return put({ ...chosen, status: 'cancelled', version: chosen.version + 1 });
          }),
        );
      }
    };
    await Promise.all(replicas.flatMap((replica, r) => [1, 2, 3, 4].map((w) => worker(replica, 17 * r + w))));
    await Promise.all(repositories.map((r) => r.settled()));

    // As a third replica reads it, and as the stored documents say, read apart from the repository.
    const third = await newRepository();
    const loaded = await third.load(resourceId);
    const [occupancy, none] = await third.occupancyOf([resourceId, `res-${randomUUID()}`]);
    expect(occupancy).toEqual({
      resourceId,
      bookings: loaded.bookings.map(occupantOf),
    });
    expect(none).toEqual({ resourceId: none!.resourceId, bookings: [] });
    const { calendars, inWeeks } = await storedCalendars(env, [resourceId]);
    const stored = calendars.get(resourceId)!;
    for (const bookings of [loaded.bookings, stored.map((b) => ({ ...b, start: +b.start, end: +b.end }))]) {
      expect(new Map(bookings.map((b) => [b.id, [b.version, b.start, b.status]]))).toEqual(
        new Map([...written.values()].map((b) => [b.id, [b.version, b.start, b.status]])),
      );
      const live = bookings.filter((b) => b.status === 'confirmed');
      for (const a of live) for (const b of live) if (a.id !== b.id) expect(overlaps(a, b)).toBe(false);
    }
    expect(written.size).toBeGreaterThan(100);
    expect(inWeeks).toBeGreaterThan(written.size / 2);

    // Writes that landed while a replica's last fold ran stay in the head until a later write folds
    // them (a fold starts none while it runs): one more write, made alone, leaves it within bound.
    const last = NOW + 60 * DAY;
    record(
      await decide(replicas[0]!, resourceId, () =>
        put(
          aBooking({
            id: randomUUID(),
            resourceId,
            start: last,
            end: last + HOUR,
            createdAt: NOW,
            updatedAt: NOW,
          }),
        ),
      ),
    );
    await Promise.all(repositories.map((r) => r.settled()));

    // Each booking the head no longer holds has its version in the week of its start, once, and
    // nowhere else. An older copy may be left in another week by a fold that another replica's fold
    // overtook (each wrote a version it read); reads take the newest, and a drop removes them all
    // (the tests below).
    const db = connections[0]!.db!;
    const head = await db
      .collection<{ _id: string; bookings: { id: string }[] }>('calendars')
      .findOne({ _id: resourceId });
    const inHead = new Set(head!.bookings.map((b) => b.id));
    expect(inHead.size).toBeLessThanOrEqual(HEAD);
    const weeks = await db
      .collection<{ week: number; bookings: { id: string; version: number }[] }>('calendar_weeks')
      .find({ resource: resourceId })
      .toArray();
    for (const booking of [...written.values()].filter((b) => !inHead.has(b.id))) {
      const copies = weeks.flatMap((w) =>
        w.bookings.filter((b) => b.id === booking.id).map((b) => ({ ...b, week: w.week })),
      );
      expect(copies.filter((c) => c.version >= booking.version)).toEqual([
        expect.objectContaining({ week: weekOf(booking.start), version: booking.version }),
      ]);
    }
    expect(warnings).toEqual([]);
  }, 120_000);

  it('when a booking is moved to another week while a fold copies it, then no copy of it is left in the week it left', async () => {
    const [folding] = replicas;
    const mover = replicaOf(await newRepository(100)); // another replica, which does not fold here
    const resourceId = `res-${randomUUID()}`;
    const moved = randomUUID();
    const later = NOW + 30 * DAY;
    const booked = (id: string, week: number) =>
      aBooking({ id, resourceId, start: NOW + week * 7 * DAY, end: NOW + week * 7 * DAY + HOUR });
    await decide(folding!, resourceId, () =>
      put(booked(moved, 0), booked(randomUUID(), 1), booked(randomUUID(), 2)),
    );
    // The fold is held at its first week write, after it read the head: the move lands in between.
    const weeks = (repositories[0] as unknown as { weeks: CalendarWeekStore }).weeks;
    const edit = weeks.edit.bind(weeks);
    let reached!: () => void;
    const foldReadTheHead = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = vi.spyOn(weeks, 'edit').mockImplementation(async (...args) => {
      reached();
      await gate;
      return edit(...args);
    });
    try {
      await decide(folding!, resourceId, () => put(booked(randomUUID(), 3))); // four in a head of three
      await foldReadTheHead;
      await decide(mover, resourceId, (calendar) => {
        const current = calendar.bookings.find((booking) => booking.id === moved)!;
        return put({ ...current, start: later, end: later + HOUR, version: current.version + 1 });
      });
      release();
      await repositories[0]!.settled();
    } finally {
      held.mockRestore();
    }
    const stored = await connections[0]!
      .db!.collection<{ week: number; bookings: { id: string }[] }>('calendar_weeks')
      .find({ resource: resourceId })
      .toArray();
    expect(stored.filter((w) => w.bookings.some((b) => b.id === moved)).map((w) => w.week)).toEqual([]);
    const loaded = await (await newRepository()).load(resourceId);
    expect(loaded.bookings.find((b) => b.id === moved)).toMatchObject({ start: later, version: 2 });
  });

  it('when a listed week holds an older copy of a booking where it should not be, then dropping the booking removes that copy too', async () => {
    const [replica] = replicas;
    const resourceId = `res-${randomUUID()}`;
    const id = randomUUID();
    const booking = aBooking({ id, resourceId, start: NOW + DAY, end: NOW + DAY + HOUR });
    const later = NOW + 30 * DAY;
    await decide(replica!, resourceId, () => put(booking));
    await decide(replica!, resourceId, (calendar) => {
      const current = calendar.bookings.find((b) => b.id === id)!;
      return put({ ...current, start: later, end: later + HOUR, version: current.version + 1 });
    });
    for (let w = 1; w <= 3; w++) {
      const start = NOW + w * 7 * DAY;
      await decide(replica!, resourceId, () =>
        put(aBooking({ id: randomUUID(), resourceId, start, end: start + HOUR })),
      );
    }
    await repositories[0]!.settled();
    // What a fold overtaken by another fold leaves: its copy of the first version, in a listed week.
    const db = connections[0]!.db!;
    const elsewhere = weekOf(NOW + 7 * DAY);
    const [stale] = await db
      .collection<{ bookings: object[] }>('calendar_weeks')
      .find({ resource: resourceId, week: weekOf(later) })
      .toArray();
    const copy = {
      ...(stale!.bookings.find((b) => (b as { id: string }).id === id) as object),
      start: new Date(booking.start),
      end: new Date(booking.end),
      version: 1,
    };
    await db
      .collection<{ bookings: object[] }>('calendar_weeks')
      .updateOne({ resource: resourceId, week: elsewhere }, { $push: { bookings: copy } });
    expect((await (await newRepository()).load(resourceId)).bookings.find((b) => b.id === id)?.version).toBe(
      2,
    );

    await decide(replica!, resourceId, () => ({ ...nothing, drop: { bookings: [id], entries: [] } }));
    expect((await (await newRepository()).load(resourceId)).bookings.map((b) => b.id)).not.toContain(id);
    const copies = await db
      .collection('calendar_weeks')
      .countDocuments({ resource: resourceId, 'bookings.id': id });
    expect(copies).toBe(0);
  });

  it('when a due hold has been folded into a week, then the scan finds its calendar by the head alone; a head written before dueAt, by its bookings', async () => {
    const resourceId = `res-${randomUUID()}`;
    const [replica] = replicas;
    const repository = repositories[0]!;
    const hold = aBooking({ id: randomUUID(), resourceId, status: 'held', expiresAt: NOW + 10 * 60_000 });
    await decide(replica!, resourceId, () => put(hold));
    for (let d = 2; d < 7; d++) {
      const start = NOW + d * DAY;
      await decide(replica!, resourceId, () =>
        put(aBooking({ id: randomUUID(), resourceId, start, end: start + HOUR })),
      );
    }
    await repository.settled();
    const heads = connections[0]!.db!.collection<{ _id: string; bookings: { id: string }[]; dueAt?: Date }>(
      'calendars',
    );
    const head = await heads.findOne({ _id: resourceId });
    expect(head!.bookings.map((b) => b.id)).not.toContain(hold.id); // only a week holds the hold now
    expect(head!.dueAt).toEqual(new Date(hold.expiresAt!));
    expect(await repository.dueForScan(hold.expiresAt! - 1)).not.toContain(resourceId);
    expect(await repository.dueForScan(hold.expiresAt!)).toContain(resourceId);

    await heads.updateOne({ _id: resourceId }, { $unset: { dueAt: '' } });
    expect(await repository.dueForScan(hold.expiresAt! - 1)).not.toContain(resourceId);
    expect(await repository.dueForScan(hold.expiresAt!)).toContain(resourceId);

    // Expired by a decision, the calendar is due again only from its first confirmed start.
    await decide(replica!, resourceId, (calendar) =>
      put({
        ...calendar.bookings.find((b) => b.id === hold.id)!,
        status: 'expired',
        version: hold.version + 1,
      }),
    );
    expect((await heads.findOne({ _id: resourceId }))!.dueAt).toEqual(new Date(NOW + 2 * DAY));
    expect(await repository.dueForScan(NOW + 2 * DAY - 1)).not.toContain(resourceId);
  }, 60_000);

  it('when finished bookings are dropped, then they leave their weeks, and a week left empty is deleted and no longer listed', async () => {
    const resourceId = `res-${randomUUID()}`;
    const [replica] = replicas;
    const weekStart = (n: number) => (weekOf(NOW) + n) * 7 * DAY - 3 * DAY; // Mondays, 00:00 UTC
    const bookings = [0, 1, 2].flatMap((w) =>
      [0, 1, 2, 3].map((d) =>
        aBooking({
          id: randomUUID(),
          resourceId,
          start: weekStart(w) + d * DAY,
          end: weekStart(w) + d * DAY + HOUR,
        }),
      ),
    );
    for (const booking of bookings) await decide(replica!, resourceId, () => put(booking));
    await repositories[0]!.settled();
    const gone = [...bookings.slice(0, 4), bookings[5]!];
    await decide(replica!, resourceId, () => ({
      ...nothing,
      drop: { bookings: gone.map((b) => b.id), entries: [] },
    }));

    const left = bookings.filter((b) => !gone.includes(b)).map((b) => b.id);
    expect((await (await newRepository()).load(resourceId)).bookings.map((b) => b.id).sort()).toEqual(
      [...left].sort(),
    );
    const { calendars } = await storedCalendars(env, [resourceId]);
    expect(
      calendars
        .get(resourceId)!
        .map((b) => b.id)
        .sort(),
    ).toEqual([...left].sort());
    const db = connections[0]!.db!;
    const head = await db.collection<{ weeks: number[] }>('calendars').findOne({ _id: resourceId as never });
    expect(head!.weeks).not.toContain(weekOf(weekStart(0)));
    expect(head!.weeks).toContain(weekOf(weekStart(1)));
    expect(
      await db
        .collection('calendar_weeks')
        .countDocuments({ resource: resourceId, week: weekOf(weekStart(0)) }),
    ).toBe(0);
  }, 60_000);
});
