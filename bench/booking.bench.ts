// Booking benchmark: booking throughput and latency at 1, 16 and 64 concurrent clients, against the
// raw rate of single-document inserts with a unique index on the same server in the same run, and
// against the least a booking can cost on this stack (bench/floor-service.ts: express, one insert,
// one event); and
// availability over 90 days for one resource holding 1,000 bookings, against a raw read of its
// calendar document. Ratios, not absolute numbers, are what compare across noisy machines.
//   npm run bench:booking            (starts local infrastructure unless MONGO_URL/KAFKA_BROKERS are set)
//   BENCH_SEARCH_RESOURCES=10000 BENCH_SEARCH_BOOKINGS=5 BENCH_MONGO_HEAP=2g npm run bench:booking
//     (a larger platform; the in-memory server also holds the seeded bookings' projections)
//   BENCH_ONLY=throughput npm run bench:booking   (the three booking levels only: about a minute, for
//     paired runs of two versions)
//   BENCH_WARM_UP=0 npm run bench:booking   (no warm-up: the levels measure a freshly started platform;
//     3,000 bookings and as many raw inserts by default, see `warmUp`)
//   BENCH_CPU_PROF_DIR=/tmp/prof npm run bench:booking   (a CPU profile of the booking process; then
//     node --import tsx bench/cpu-profile-summary.ts /tmp/prof/<file>.cpuprofile)
//   BENCH_PERF_DIR=/tmp/perf npm run bench:booking   (on-CPU profiles of the booking process at 16
//     clients, empty and filled, with Linux perf; then node --import tsx bench/perf-summary.ts
//     /tmp/perf/booking-c16.perf.data (or booking-c16-filled.perf.data).
//     perf's own CPU then counts as services: the CPU figures of that run are not comparable)
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import type { Resource } from '@labshare/contracts';
import { Announcer, dayAt as at, tokenFor } from '@labshare/testkit';
import { benchClient, type BenchApi } from './bench-client';
import { countingClient } from './counting-client';
import { fmt, measure } from './measure';
import { bookOneResource } from './one-resource';
import { weekDocumentId } from '../services/booking/src/data-access/calendar-weeks';
import { cpuPer, platformCpuMs, platformSettled } from './platform-cpu';
import { seedCalendars } from './seed-calendars';
import { benchInfra } from './bench-infra';
import { recordPerf } from './perf-record';
import { startServiceProcess } from './service-process';

const REQUESTS_PER_LEVEL = Number(process.env.BENCH_REQUESTS ?? 1000);
/** Bookings (and raw inserts) before the measured levels, not counted: see `warmUp`. */
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 3000);
/** A head folds on passing `CALENDAR_HEAD_BOOKINGS` (32, as the bench runs booking) bookings. */
const FOLD_CYCLE = 33;
const LEVELS = [1, 16, 64];
const RESOURCES = 64;
/** The units of the one resource all clients book at once (each 15 minutes holds this many). */
const HOT_UNITS = 16;
const SEARCH_RESOURCES = Number(process.env.BENCH_SEARCH_RESOURCES ?? 1000);
const SEARCH_BOOKINGS = Number(process.env.BENCH_SEARCH_BOOKINGS ?? 20);
const THROUGHPUT_ONLY = process.env.BENCH_ONLY === 'throughput';
/** Answers measured for an answer-time line: at 200, the p99 is the second slowest. */
const ANSWERS_FOR_P99 = 200;

async function main() {
  const { infra, env } = await benchInfra(
    process.env.BENCH_MONGO_HEAP ? { mongoHeap: process.env.BENCH_MONGO_HEAP } : {},
  );
  // Its own process, as `npm start` runs it: the CPU figures count it, not this bench's client.
  const booking = await startServiceProcess('booking', env);
  // The least a booking can cost on this stack, measured at the same levels after booking's.
  const floor = await startServiceProcess('floor', env, path.resolve('bench', 'floor-service.ts'));
  const floorApi = benchClient(floor.url);
  // Plays inventory on the bus; booking awaits a resource or org it has not heard of yet.
  const inventory = new Announcer(env, 'bench-inventory');
  const api = benchClient(booking.url);
  /** Until the calendars held for answers are older than their bound (`CALENDAR_CACHE_MS`). */
  const pastAnswerBound = () =>
    new Promise((resolve) => setTimeout(resolve, Number(env.CALENDAR_CACHE_MS ?? 1000) + 100));
  const mongo = await MongoClient.connect(infra.mongoUrl);
  const provider = await inventory.org('university');
  const newResource = (overrides: Partial<Resource> = {}) => inventory.resource(provider, overrides);
  try {
    const consumer = await inventory.org('enterprise');
    const token = tokenFor({ sub: 'bench', org: consumer.id, roles: ['booker'] });
    console.log(
      `\nbooking throughput (${REQUESTS_PER_LEVEL} requests per level; ratio = bookings / raw inserts)`,
    );
    // 64 resources at every level: requests spread over calendars as real traffic does, so the
    // levels differ in concurrency only (a long calendar is what the availability part measures).
    const resources = await Promise.all(Array.from({ length: RESOURCES }, () => newResource()));
    const spare =
      WARM_UP > 0 ? await Promise.all(Array.from({ length: RESOURCES }, () => newResource())) : [];
    await warmUp(mongo, { api, floorApi }, token, { spare, measured: resources });
    // Request i books the 64 resources in turn, each a free quarter hour of `day`: successes only.
    const bookDay =
      (day: number, through = api) =>
      (i: number) =>
        bookQuarter(through, token, resources[i % RESOURCES]!, day, Math.floor(i / RESOURCES) * 15);
    const bookedRates: number[] = [];
    for (const [level, concurrency] of LEVELS.entries()) {
      const raw = await rawBaseline(mongo, concurrency);
      // Each side starts a level with its connections open (4 × c requests, not counted).
      await measure(concurrency * 4, concurrency, async () => {
        await api('GET', '/readyz', {});
      });
      const stopPerf = concurrency === 16 ? await recordPerf(booking.pid, 'booking-c16') : undefined;
      const cpu = platformCpuMs();
      // Each level books a day of its own.
      const booked = await measure(REQUESTS_PER_LEVEL, concurrency, bookDay(1 + level));
      const bookingCpu = cpuPer(cpu, REQUESTS_PER_LEVEL);
      await stopPerf?.();
      bookedRates.push(booked.perSecond);
      console.log(
        `  c=${String(concurrency).padStart(2)}  raw insert ${fmt(raw.run)}   CPU/insert ${raw.cpu}`,
      );
      console.log(
        `        booking    ${fmt(booked)}   ratio ${(booked.perSecond / raw.run.perSecond).toFixed(3)}   CPU/booking ${bookingCpu}`,
      );
    }
    // The floor's levels after booking's, each beside a raw line of its own: run between booking's,
    // they would leave its calendars idle past CALENDAR_CACHE_MS before each level. Booking's rate is
    // set against the floor's directly: the raw line swings too much within a run (4,300 to 9,500
    // inserts/s at 16 clients in one evening's runs) for a ratio of two ratios to mean more.
    console.log('  the floor (bench/floor-service.ts: express, one insert, one event), the same levels');
    for (const [level, concurrency] of LEVELS.entries()) {
      const raw = await rawBaseline(mongo, concurrency);
      await measure(concurrency * 4, concurrency, async () => {
        await floorApi('GET', '/readyz', {});
      });
      const cpu = platformCpuMs();
      const least = await measure(REQUESTS_PER_LEVEL, concurrency, bookDay(1 + level, floorApi));
      const floorCpu = cpuPer(cpu, REQUESTS_PER_LEVEL);
      const ratio = least.perSecond / raw.run.perSecond;
      console.log(`  c=${String(concurrency).padStart(2)}  raw insert ${fmt(raw.run)}`);
      console.log(
        `        floor      ${fmt(least)}   ratio ${ratio.toFixed(3)} (booking: ${(bookedRates[level]! / least.perSecond).toFixed(2)} of its rate)` +
          `   CPU/booking ${floorCpu}`,
      );
    }

    // One resource everyone wants at once (a popular instrument as its bookings open): 16 clients
    // on one calendar, every request its own free unit, so each is a booking and they queue on it.
    const hot = await newResource({ capacity: HOT_UNITS });
    const hotCpu = platformCpuMs();
    const { run: hotBooked, statuses } = await bookOneResource([api], hot, token, {
      count: REQUESTS_PER_LEVEL,
      clients: 16,
    });
    if (statuses.size !== 1 || !statuses.has(201))
      throw new Error(`hot bookings failed: ${JSON.stringify(Object.fromEntries(statuses))}`);
    console.log(
      `  c=16, one resource  ${fmt(hotBooked)}   CPU/booking ${cpuPer(hotCpu, REQUESTS_PER_LEVEL)}`,
    );

    if (THROUGHPUT_ONLY) return;

    console.log('\nhold then confirm, and cancel, at 16 clients (ratio = operations / raw inserts)');
    const holdBaseline = await measure(REQUESTS_PER_LEVEL, 16, (await rawSlots(mongo)).insert);
    const held: string[] = [];
    const holdCpu = platformCpuMs();
    const holdThenConfirm = await measure(REQUESTS_PER_LEVEL, 16, async (i) => {
      const slot = Math.floor(i / RESOURCES);
      const hold = await api('POST', '/v1/bookings', {
        token,
        body: {
          resourceId: resources[i % RESOURCES]!.id,
          start: at(6, 0, slot * 15),
          end: at(6, 0, slot * 15 + 15),
          hold: true,
        },
      });
      if (hold.status !== 201) throw new Error(`hold failed: ${hold.status} ${JSON.stringify(hold.body)}`);
      const id = (hold.body as { id: string }).id;
      const confirmed = await api('POST', `/v1/bookings/${id}/confirm`, { token, body: {} });
      if (confirmed.status !== 200) throw new Error(`confirm failed: ${confirmed.status}`);
      held.push(id);
    });
    // Read before the cancels start: the pairs' CPU alone.
    const pairCpu = cpuPer(holdCpu, REQUESTS_PER_LEVEL);
    const cancelCpu = platformCpuMs();
    const cancel = await measure(held.length, 16, async (i) => {
      const answer = await api('POST', `/v1/bookings/${held[i]}/cancel`, { token, body: {} });
      if (answer.status !== 200)
        throw new Error(`cancel failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    });
    console.log(`  raw insert        ${fmt(holdBaseline)}`);
    console.log(
      `  hold + confirm    ${fmt(holdThenConfirm)}   ratio ${(holdThenConfirm.perSecond / holdBaseline.perSecond).toFixed(3)}` +
        `   CPU/pair ${pairCpu}`,
    );
    console.log(
      `  cancel            ${fmt(cancel)}   ratio ${(cancel.perSecond / holdBaseline.perSecond).toFixed(3)}` +
        `   CPU/cancel ${cpuPer(cancelCpu, held.length)}`,
    );

    console.log(
      '\navailability: one resource, 1,000 bookings over 90 days, query the whole 90 days (60-min slots)',
    );
    const template = await newResource();
    const busy = await newResource({ capacity: 2, policy: { ...template.policy, horizonDays: 120 } });
    // The calendar grows from 0 to 1,000 bookings, one client: CPU per booking while it holds the
    // first 100 against while it holds the last 100 (flat = the write does not grow with it).
    let growing = platformCpuMs();
    for (let i = 0; i < 1000; i++) {
      if (i === 900) growing = platformCpuMs();
      const day = 1 + Math.floor(i / 12);
      const hour = (i % 12) * 2;
      const answer = await api('POST', '/v1/bookings', {
        token,
        body: { resourceId: busy.id, start: at(day, hour), end: at(day, hour + 1), quantity: 1 + (i % 2) },
      });
      if (answer.status !== 201)
        throw new Error(`seed failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      if (i === 99) console.log(`  CPU/booking, calendar at 0-100 bookings     ${cpuPer(growing, 100)}`);
    }
    console.log(`  CPU/booking, calendar at 900-1,000 bookings ${cpuPer(growing, 100)}`);
    const from = at(1, 0);
    const to = at(91, 0);
    const calendars = mongo.db(`${env.MONGO_DB_PREFIX}booking`).collection<{ weeks?: number[] }>('calendars');
    const weeks = mongo.db(`${env.MONGO_DB_PREFIX}booking`).collection('calendar_weeks');
    // The calendar's documents as stored: its head, then the week documents it lists.
    const readOnly = await measure(50, 1, async () => {
      const head = await calendars.findOne({ _id: busy.id as never });
      await weeks
        .find({ _id: { $in: (head?.weeks ?? []).map((w) => weekDocumentId(busy.id, w)) as never[] } })
        .toArray();
    });
    // The 1,000 bookings' events and folds finish first (as for the filled line below): what follows
    // is the query's own cost. Its first answer is worked out (the calendar changed); later ones are
    // kept until the calendar changes again, so the first is shown apart.
    await platformSettled();
    const availabilityPath = `/v1/availability?resourceId=${busy.id}&from=${from}&to=${to}&durationMinutes=60`;
    // Timed to the answer's last byte, not parsed: the line measures the service, not the client.
    const counting = await countingClient(booking.url, { authorization: token });
    let bytes = 0;
    const ask = async () => {
      const answer = await counting.get(availabilityPath);
      if (answer.status !== 200) throw new Error(`availability failed: ${answer.status}`);
      bytes = answer.bytes;
    };
    const first = await measure(1, 1, ask);
    // Enough answers that the p99 is a percentile, not simply the slowest one (as it was with 50).
    const query = await measure(ANSWERS_FOR_P99, 1, ask);
    counting.close();
    const sample = await api('GET', availabilityPath, { token });
    console.log(
      `  the answer: ${sample.body.slots.length} slots, ${sample.body.free.length} free pieces, ` +
        `${(bytes / 1024).toFixed(0)} KB`,
    );
    console.log(`  raw calendar read   ${fmt(readOnly)}`);
    console.log(
      `  availability, first answer after the last booking (worked out): ${first.p50.toFixed(1)} ms`,
    );
    console.log(
      `  availability query  ${fmt(query)}   ratio ${(query.p50 / readOnly.p50).toFixed(1)}× the raw read (p50)`,
    );

    const bookingDb = mongo.db(`${env.MONGO_DB_PREFIX}booking`);
    const memoryBefore = await booking.memoryMb();
    const seeded = await seedCalendars({
      inventory,
      bookingDb,
      owner: provider,
      consumer,
      count: SEARCH_RESOURCES,
      perResource: SEARCH_BOOKINGS,
      day: 30,
      overrides: { kind: 'classroom' },
    });
    // Searchable once the last one seeded answers (the search scans in id order).
    const last = [...seeded].sort((a, b) => a.id.localeCompare(b.id)).at(-1)!;
    const window = `from=${at(30, 0)}&to=${at(30, SEARCH_BOOKINGS)}&durationMinutes=60`;
    for (;;) {
      const answer = await api('GET', `/v1/availability?resourceId=${last.id}&${window}`, { token });
      if (answer.status === 200) break;
    }
    console.log(
      `\nbooking with the platform filled (${SEARCH_RESOURCES + RESOURCES + spare.length + 2} resources, ${SEARCH_RESOURCES * SEARCH_BOOKINGS} more bookings), c=16`,
    );
    // The same 64 resources and concurrency as the empty c=16 line, a day of their own: the only
    // difference is what else the platform holds.
    // The seeded bookings' events are heard first (each replica's calendar news).
    const waited = await platformSettled(0.1, Math.max(60_000, SEARCH_RESOURCES * SEARCH_BOOKINGS * 5));
    console.log(`  (the platform settled ${(waited / 1000).toFixed(1)} s after seeding)`);
    // Measured warm, as the empty line is: the first bookings after the platform sat idle while it
    // was filled cost more whatever it holds (held calendars older than CALENDAR_CACHE_MS are read
    // again, the fourteenth round in docs/benchmarks.md), so they are shown apart, not counted.
    const idleCpu = platformCpuMs();
    const afterPause = await measure(REQUESTS_PER_LEVEL, 16, bookDay(12));
    console.log(
      `  first after the pause, not counted: ${fmt(afterPause)}   CPU/booking ${cpuPer(idleCpu, REQUESTS_PER_LEVEL)}`,
    );
    const stopPerf = await recordPerf(booking.pid, 'booking-c16-filled');
    const fullCpu = platformCpuMs();
    const full = await measure(REQUESTS_PER_LEVEL, 16, bookDay(10));
    const fullCpuText = cpuPer(fullCpu, REQUESTS_PER_LEVEL);
    await stopPerf();
    console.log(`  booking    ${fmt(full)}   CPU/booking ${fullCpuText}`);
    // A booking on a calendar last used longer ago than an answer's bound (CALENDAR_CACHE_MS), as
    // most resources are booked a few times a day: its decision takes the copy still held
    // (CALENDAR_HOLD_MS), so it is one round trip; with CALENDAR_HOLD_MS=0 the head and weeks are
    // read first.
    await pastAnswerBound();
    const idleCalendarsCpu = platformCpuMs();
    const onIdle = await measure(RESOURCES, 1, (i) => bookQuarter(api, token, resources[i]!, 13, 0));
    console.log(
      `  one client, each on a calendar idle for over a second (${RESOURCES}): ${fmt(onIdle)}   CPU/booking ${cpuPer(idleCalendarsCpu, RESOURCES)}`,
    );
    // The lag under that load, in a second run: its polling (GETs until the resource answers) is
    // not booking work, so it stays out of the CPU figure above.
    const lagWindow = `from=${at(30, 0)}&to=${at(30, 20)}`;
    const lagUnderLoad = measure(20, 1, async () => {
      const fresh = await newResource({ kind: 'lab', name: `lag-${randomUUID()}` });
      for (;;) {
        const answer = await api('GET', `/v1/availability?resourceId=${fresh.id}&${lagWindow}`, { token });
        if (answer.status === 200) return;
      }
    });
    await measure(REQUESTS_PER_LEVEL, 16, bookDay(11));
    console.log(`  meanwhile, resource announced → booking answers for it: ${fmt(await lagUnderLoad)}`);
    console.log(
      `\nsearch: ${SEARCH_RESOURCES} resources of one kind, ${SEARCH_BOOKINGS} bookings each filling the queried hours (every resource scanned)`,
    );
    const rawCalendars = await measure(20, 1, async () => {
      await bookingDb
        .collection('calendars')
        .find({ _id: { $in: seeded.map((r) => r.id) as never[] } })
        .toArray();
    });
    const searchOnce = async () => {
      const answer = await api('GET', `/v1/availability?kind=classroom&${window}&limit=200`, { token });
      if (answer.status !== 200 || (answer.body as { items: unknown[] }).items.length !== 0)
        throw new Error(`search failed: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    };
    const search = await measure(ANSWERS_FOR_P99, 1, searchOnce);
    // What a user searching now and then meets: every calendar read again, its held copy too old.
    const afterIdle: number[] = [];
    for (let i = 0; i < 5; i++) {
      await pastAnswerBound();
      const started = performance.now();
      await searchOnce();
      afterIdle.push(performance.now() - started);
    }
    afterIdle.sort((a, b) => a - b);
    console.log(`  raw read of the ${SEARCH_RESOURCES} calendars   ${fmt(rawCalendars)}`);
    const memoryAfter = await booking.memoryMb();
    console.log(
      `  memory of the booking process, before seeding → after the first searches: ` +
        `RSS ${memoryBefore.rss} → ${memoryAfter.rss} MB, heap used ${memoryBefore.heap} → ${memoryAfter.heap} MB ` +
        `(${(((memoryAfter.heap - memoryBefore.heap) * 1024) / SEARCH_RESOURCES).toFixed(1)} kB of heap per resource held with its ${SEARCH_BOOKINGS}-booking calendar)`,
    );
    console.log(
      `  search GET /v1/availability?kind=…  ${fmt(search)}   ratio ${(search.p50 / rawCalendars.p50).toFixed(1)}× the raw read (p50)`,
    );
    console.log(
      `  the same, each after the held calendars aged out (5 searches)  p50 ${afterIdle[2]!.toFixed(1)} ms  max ${afterIdle[4]!.toFixed(1)} ms` +
        `   ratio ${(afterIdle[2]! / rawCalendars.p50).toFixed(2)}× the raw read (p50)`,
    );

    console.log(
      '\nresource announced on the bus → answered by the availability of booking (lag, 20 resources, no load)',
    );
    const lag = await measure(20, 1, async () => {
      const fresh = await newResource({ kind: 'lab', name: `lag-${randomUUID()}` });
      for (;;) {
        const answer = await api('GET', `/v1/availability?resourceId=${fresh.id}&${window}`, { token });
        if (answer.status === 200) return;
      }
    });
    console.log(`  lag  ${fmt(lag)}`);
  } finally {
    await mongo.close();
    await inventory.stop();
    await booking.stop();
    await floor.stop();
    await infra.stop();
  }
}

/**
 * Both sides of the ratio are measured warm, as on a platform that has been up for a while: the
 * optimising compilers of Node and of the database's and the broker's JVMs compile the hot paths
 * during the first few thousand requests, and a process measured from its first request counts that
 * work as the bookings'. The warm-up books `spare` resources, so the measured calendars do not grow
 * by it; its own figures are printed, so the cold cost stays visible.
 *
 * It also leaves the measured heads at different fill levels, as uneven real traffic does: measured
 * resource k gets k/64 of a fold cycle of bookings. Booked in lockstep, every head passed the fold
 * threshold in the same level, and whether a level held that wave of 64 folds decided its figure
 * (the fourteenth round in docs/benchmarks.md); spread, each level folds its share.
 */
async function warmUp(
  mongo: MongoClient,
  { api, floorApi }: { api: BenchApi; floorApi: BenchApi },
  token: string,
  resources: { spare: Resource[]; measured: Resource[] },
): Promise<void> {
  if (WARM_UP <= 0) return;
  const { spare, measured } = resources;
  // Days 4 and 5, which no level books: 96 quarter hours a day on each resource.
  const most = 2 * 96 * spare.length;
  if (WARM_UP > most) throw new Error(`BENCH_WARM_UP is at most ${most}`);
  const targets = [
    ...Array.from({ length: WARM_UP }, (_, i) => spare[i % spare.length]!),
    ...measured.flatMap((r, k) => Array<Resource>(Math.floor((k * FOLD_CYCLE) / measured.length)).fill(r)),
  ];
  const used = new Map<Resource, number>();
  const slots = targets.map((r) => {
    used.set(r, (used.get(r) ?? 0) + 1);
    return used.get(r)! - 1;
  });
  const inserted = await measure(targets.length, 16, (await rawSlots(mongo)).insert);
  const bookTarget = (through: BenchApi) => (i: number) =>
    bookQuarter(through, token, targets[i]!, 4 + Math.floor(slots[i]! / 96), (slots[i]! % 96) * 15);
  const least = await measure(targets.length, 16, bookTarget(floorApi));
  const cpu = platformCpuMs();
  const booked = await measure(targets.length, 16, bookTarget(api));
  console.log(`  warm-up (${targets.length} of each, c=16, not counted): raw insert ${fmt(inserted)}`);
  console.log(`        floor      ${fmt(least)}`);
  console.log(`        booking    ${fmt(booked)}   CPU/booking ${cpuPer(cpu, targets.length)}`);
}

/**
 * The raw insert's rate at `concurrency`, after 4 × c reads that open its connections (a level is a
 * steady number of clients, not the burst of opening c connections at once), and what an insert
 * costs the machine: the database's work and the inserting client's (this process's driver),
 * beside the platform's idle work meanwhile.
 */
async function rawBaseline(mongo: MongoClient, concurrency: number) {
  const raw = await rawSlots(mongo);
  await measure(concurrency * 4, concurrency, async () => {
    await raw.collection.findOne({});
  });
  const cpu = platformCpuMs();
  const run = await measure(REQUESTS_PER_LEVEL, concurrency, raw.insert);
  return { run, cpu: cpuPer(cpu, REQUESTS_PER_LEVEL) };
}

/** A fresh collection with the unique index the raw baseline inserts against, and the insert of row i. */
async function rawSlots(mongo: MongoClient) {
  const collection = mongo.db('bench_raw').collection(`slots_${randomUUID().slice(0, 8)}`);
  await collection.createIndex({ resourceId: 1, slot: 1 }, { unique: true });
  const insert = async (i: number) => {
    await collection.insertOne({ resourceId: `r${i % RESOURCES}`, slot: i, at: new Date() });
  };
  return { collection, insert };
}

/** Books `resource` for the quarter hour from `minute` of `day`; anything but a 201 fails the bench. */
async function bookQuarter(api: BenchApi, token: string, resource: Resource, day: number, minute: number) {
  const answer = await api('POST', '/v1/bookings', {
    token,
    body: { resourceId: resource.id, start: at(day, 0, minute), end: at(day, 0, minute + 15) },
  });
  if (answer.status !== 201)
    throw new Error(`booking failed: ${answer.status} ${JSON.stringify(answer.body)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
