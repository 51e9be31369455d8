// The booking scan's search for due calendars (`CalendarRepository.dueForScan`, every 30 s under a
// lease) on BENCH_CALENDARS calendar heads of BENCH_BOOKINGS confirmed future bookings each, one in
// a hundred also holding an expired hold. Baseline in the same process: the same call once the heads
// have no `dueAt`, so that it searches every booking the way it did before heads carried one (the
// path it keeps for heads written before that). Both must find the same calendars.
//   npm run bench:scan      (BENCH_CALENDARS=1000 BENCH_BOOKINGS=20 by default)
import { createLogger } from '@labshare/logging';
import { connectMongo } from '@labshare/mongo';
import { CalendarRepository } from '../services/booking/src/data-access/calendar.repository';
import { fmt, measure } from './measure';
import { benchInfra } from './bench-infra';

const CALENDARS = Number(process.env.BENCH_CALENDARS ?? 1000);
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 20);
const SAMPLES = 15;
const HOUR = 3_600_000;

async function main() {
  const { infra, env } = await benchInfra({ mongoHeap: process.env.BENCH_MONGO_HEAP ?? '2g' });
  const mongo = await connectMongo({
    url: infra.mongoUrl,
    dbName: `${env.MONGO_DB_PREFIX}booking`,
    logger: createLogger({ service: 'bench', level: 'silent' }),
  });
  const calendars = new CalendarRepository(mongo.connection, () => undefined, {
    headBookings: 50,
    logger: { warn: () => undefined },
  });
  try {
    await calendars.ensureIndexes();
    const now = Date.now();
    const firstStart = now + 30 * 24 * HOUR;
    const expired = new Set<string>();
    const heads = Array.from({ length: CALENDARS }, (_, r) => {
      const id = `res-${r}`;
      const hold =
        r % 100 === 0 ? [{ id: `hold-${r}`, status: 'held', expiresAt: new Date(now - HOUR) }] : [];
      if (hold.length) expired.add(id);
      return {
        _id: id,
        version: 1,
        waitlist: [],
        weeks: [],
        // As the repository writes it: the earliest hold expiry or unchecked-in confirmed start.
        dueAt: new Date(hold.length ? now - HOUR : firstStart),
        bookings: [
          ...hold,
          ...Array.from({ length: BOOKINGS }, (_, h) => ({
            id: `b-${r}-${h}`,
            status: 'confirmed',
            start: new Date(firstStart + h * HOUR),
            end: new Date(firstStart + (h + 1) * HOUR),
            quantity: 1,
            version: 1,
          })),
        ],
      };
    });
    const collection = mongo.connection.collection('calendars');
    for (let i = 0; i < heads.length; i += 500)
      await collection.insertMany(heads.slice(i, i + 500) as never[]);

    const found: string[][] = [];
    const scan = async () => {
      found.push((await calendars.dueForScan(now)).sort());
    };
    console.log(
      `\nthe scan's search for due calendars: ${CALENDARS} heads of ${BOOKINGS} bookings, ${expired.size} due`,
    );
    const byDueAt = await measure(SAMPLES, 1, scan);
    await collection.updateMany({}, { $unset: { dueAt: '' } });
    const byBookings = await measure(SAMPLES, 1, scan);
    const expected = [...expired].sort().join();
    if (found.some((ids) => ids.join() !== expected))
      throw new Error(`a search found other calendars than the ${expired.size} due`);
    console.log(`  every booking searched (no dueAt)  ${fmt(byBookings)}`);
    console.log(
      `  by the heads' dueAt               ${fmt(byDueAt)}   ratio ${(byDueAt.p50 / byBookings.p50).toFixed(3)} (p50)`,
    );
  } finally {
    await mongo.close();
    await infra.stop();
  }
}

await main();
