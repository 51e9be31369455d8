// Billing benchmark: usage records rated and stored per second, against the rate at which a
// consumer that does nothing reads the same topic (same broker, same run: compare the ratio); and
// the p50 latency from a usage record's publication (access's relay after a check-out) to its
// ledger line being stored. Both readers find the records waiting on the topic: billing is stopped
// while they are published, and each rate runs from its first record to its last.
//   npm run bench:billing            (BENCH_RECORDS=5000 by default)
import { MongoClient } from 'mongodb';
import { loadConfig, start } from '@labshare/billing';
import { topics, type Org, type Resource } from '@labshare/contracts';
import { Announcer } from '@labshare/testkit';
import { publishUsage, usageRecord } from '../services/billing/test/billing-fixture';
import { benchInfra } from './bench-infra';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 5000);
const LATENCY_SAMPLES = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const { infra, env } = await benchInfra();
  let billing = await start(loadConfig(env));
  const announcer = new Announcer(env, 'bench-billing');
  const mongo = await MongoClient.connect(infra.mongoUrl);
  const ledger = mongo.db(`${env.MONGO_DB_PREFIX}billing`).collection<{ _id: string }>('ledger');
  try {
    const provider = await announcer.org('university');
    const consumers: Org[] = [await announcer.org('enterprise'), await announcer.org('training_body')];
    const resource: Resource = await announcer.resource(provider);
    const record = (i: number, at = Date.parse('2026-10-01T00:00:00Z') + i * 60_000) =>
      usageRecord(resource, consumers[i % consumers.length]!, {
        start: new Date(at).toISOString(),
        minutes: 1 + (i % 120),
      });
    // Read models first: a probe record's line means orgs and resource are known.
    const probe = record(0);
    await publishUsage(announcer, [probe]);
    while (!(await ledger.findOne({ _id: `usage:${probe.id}` }))) await sleep(20);

    console.log(`\nrating throughput: ${RECORDS} usage records`);
    const records = Array.from({ length: RECORDS }, (_, i) => record(i + 1));
    const before = await ledger.countDocuments();
    await billing.stop();
    await publishUsage(announcer, records);
    billing = await start(loadConfig(env));
    let first = 0;
    for (;;) {
      const stored = (await ledger.countDocuments()) - before;
      if (stored > 0 && first === 0) first = performance.now();
      if (stored >= RECORDS) break;
      await sleep(10);
    }
    const rated = RECORDS / ((performance.now() - first) / 1000);

    // The same topic read from the beginning by a consumer that does nothing.
    const raw = announcer.bus.kafka.consumer({ groupId: announcer.bus.group(`bench-raw-${process.pid}`) });
    await raw.connect();
    await raw.subscribe({ topics: [announcer.bus.topic(topics.usage)], fromBeginning: true });
    let read = 0;
    let readStart = 0;
    let readEnd = 0;
    await raw.run({
      eachMessage: async () => {
        if (read === 0) readStart = performance.now();
        read++;
        if (read === RECORDS + 1) readEnd = performance.now();
      },
    });
    while (readEnd === 0) await sleep(20);
    await raw.disconnect();
    const rawRate = RECORDS / ((readEnd - readStart) / 1000);
    console.log(`  raw topic read   ${rawRate.toFixed(0)}/s`);
    console.log(`  rated + stored   ${rated.toFixed(0)}/s`);
    console.log(`  ratio            ${(rated / rawRate).toFixed(3)}`);

    // Steady state first: the lines' events of the run above relayed.
    while (await ledger.countDocuments({ 'outbox.0': { $exists: true } })) await sleep(100);
    console.log(`\nlatency: usage record published → ledger line stored (${LATENCY_SAMPLES} one at a time)`);
    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const one = record(RECORDS + 1 + i);
      const t0 = performance.now();
      await publishUsage(announcer, [one]);
      while (!(await ledger.findOne({ _id: `usage:${one.id}` }))) await sleep(2);
      latencies.push(performance.now() - t0);
    }
    latencies.sort((a, b) => a - b);
    const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    console.log(`  p50 ${pick(0.5).toFixed(1)} ms, p99 ${pick(0.99).toFixed(1)} ms`);
  } finally {
    await mongo.close();
    await announcer.stop();
    await billing.stop();
    await infra.stop();
  }
}

await main();
