// Footprint of the embedded default (`npm start` with its own durable Kafka and MongoDB-wire
// server): the write cost of the durable backends against the in-memory ones, then data folder
// size and resident memory after BENCH_BOOKINGS bookings (10,000), and start time with that data.
//   npm run bench:footprint        (Linux: memory is read from /proc)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { startKafka, startMongo } from '@labshare/local-infra';
import { apiClient, exited, readyUrl, waitFor } from '@labshare/testkit';
import { book, createOrg, createResource } from '../test/support/platform-data';
import { fmt, measure } from './measure';

const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 10_000);
const RESOURCES = 50;
const CLIENTS = 16;
const WRITES = 2_000;
const repoRoot = path.resolve(import.meta.dirname, '..');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function sizeOf(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.blocks * 512; // on disk: Kafka's index files are sparse
  return readdirSync(file).reduce((sum, name) => sum + sizeOf(path.join(file, name)), 0);
}

/** Resident memory of every process in the group `pgid` (npm, Node, the JVMs), by command. */
function residentMemory(pgid: number) {
  const byCommand: Record<string, number> = {};
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (Number(stat.split(') ')[1]!.split(' ')[2]) !== pgid) continue;
      const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const what = cmd.includes('kafka.Kafka')
        ? 'kafka'
        : cmd.includes('MongoLauncher')
          ? 'mongo'
          : path.basename(cmd[0]!);
      byCommand[what] = (byCommand[what] ?? 0) + rss * 1024;
    } catch {
      // gone meanwhile
    }
  }
  return byCommand;
}

/** `npm start` on `dataDir` in a process group of its own; resolves when ready, with its start time. */
async function startPlatform(dataDir: string) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    LABSHARE_DATA_DIR: dataDir,
    LABSHARE_NO_CONTAINERS: 'true',
    LOG_LEVEL: 'warn',
    ...Object.fromEntries(['INVENTORY', 'BOOKING', 'ACCESS', 'BILLING'].map((s) => [`${s}_PORT`, '0'])),
  };
  delete env.MONGO_URL;
  delete env.KAFKA_BROKERS;
  const started = performance.now();
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await waitFor(() => readyUrl(output), { timeoutMs: 180_000, intervalMs: 100 });
  await waitFor(async () => (await fetch(`${url}/readyz`)).status === 200);
  return { child, url, api: apiClient(url, { checkContract: false }), readyMs: performance.now() - started };
}

async function stopPlatform(child: ChildProcess) {
  const started = performance.now();
  child.kill('SIGTERM');
  await exited(child);
  await waitFor(() => Object.keys(residentMemory(child.pid!)).length === 0, { timeoutMs: 30_000 });
  return performance.now() - started;
}

/** Single-document writes (insert with a unique index; read + compare-and-set update) on one server. */
async function mongoWrites(durable: boolean, dataDir: string) {
  const server = await startMongo({ dataDir, durable, log: () => undefined });
  const client = await MongoClient.connect(server.url);
  try {
    for (const concurrency of [1, CLIENTS]) {
      const inserts = client.db('bench').collection(`inserts_${concurrency}`);
      await inserts.createIndex({ key: 1 }, { unique: true });
      const insert = await measure(WRITES, concurrency, async (i) => {
        await inserts.insertOne({ key: i, at: new Date(), note: 'x'.repeat(300) });
      });
      const calendars = client.db('bench').collection<{ _id: number; version: number }>(`cal_${concurrency}`);
      await calendars.insertMany(Array.from({ length: 64 }, (_, i) => ({ _id: i, version: 0 })));
      const update = await measure(WRITES, concurrency, async (i) => {
        const calendar = (await calendars.findOne({ _id: i % 64 }))!;
        await calendars.updateOne({ _id: calendar._id, version: calendar.version }, { $inc: { version: 1 } });
      });
      const label = `${durable ? 'H2, commit + fsync' : 'in memory'} c=${concurrency}`.padEnd(24);
      console.log(`  mongo ${label} insert ${fmt(insert)}   read + CAS update ${fmt(update)}`);
    }
  } finally {
    await client.close();
    await server.stop();
  }
}

/** Produce requests with acks=all, one message each, as the outbox relay sends them. */
async function kafkaWrites(durable: boolean, dataDir: string) {
  const server = await startKafka({ dataDir, durable, log: () => undefined });
  const kafka = new Kafka({ brokers: [server.url], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'bench', numPartitions: 6 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (const concurrency of [1, CLIENTS]) {
      const sends = await measure(WRITES, concurrency, async (i) => {
        await producer.send({
          topic: 'bench',
          acks: -1,
          messages: [{ key: String(i % 64), value: 'x'.repeat(500) }],
        });
      });
      const label = `${durable ? 'flush each append' : 'OS flushes'} c=${concurrency}`.padEnd(24);
      console.log(`  kafka ${label} send ${fmt(sends)}`);
    }
  } finally {
    await producer.disconnect();
    await server.stop();
  }
}

async function footprint(dataDir: string) {
  const first = await startPlatform(dataDir);
  console.log(`\nnpm start on an empty data folder: ready in ${(first.readyMs / 1000).toFixed(1)} s`);
  const provider = await createOrg(first.api, 'university');
  const consumer = await createOrg(first.api, 'enterprise');
  const resources = await Promise.all(
    Array.from({ length: RESOURCES }, () => createResource(first.api, provider)),
  );
  const token = consumer.booker('bench');
  const bookings = await measure(BOOKINGS, CLIENTS, async (i) => {
    const answer = await book(first.api, token, resources[i % RESOURCES]!, Math.floor(i / RESOURCES));
    if (answer.status !== 201)
      throw new Error(`booking ${i}: ${answer.status} ${JSON.stringify(answer.body)}`);
  });
  console.log(`${BOOKINGS} bookings through the gateway, ${CLIENTS} clients: ${fmt(bookings)}`);
  const memory = residentMemory(first.child.pid!);
  const total = Object.values(memory).reduce((sum, rss) => sum + rss, 0);
  const parts = Object.entries(memory).map(([what, rss]) => `${what} ${mb(rss)}`);
  console.log(`resident memory, whole platform: ${mb(total)} (${parts.join(', ')})`);
  const folder = () =>
    `${mb(sizeOf(dataDir))} (mongo/ ${mb(sizeOf(path.join(dataDir, 'mongo')))}, kafka-logs/ ${mb(sizeOf(path.join(dataDir, 'kafka-logs')))})`;
  console.log(`data folder while running: ${folder()}`);
  const stopMs = await stopPlatform(first.child);
  console.log(`stopped (SIGTERM) in ${(stopMs / 1000).toFixed(1)} s; data folder: ${folder()}`);
  const second = await startPlatform(dataDir);
  console.log(`npm start with that data: ready in ${(second.readyMs / 1000).toFixed(1)} s`);
  const listed = await second.api('GET', `/v1/bookings?resourceId=${resources[0]}&limit=500`, { token });
  console.log(`  (resource 1 lists ${listed.body.items?.length} bookings after the restart)`);
  await stopPlatform(second.child);
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'labshare-footprint-'));
  try {
    console.log(
      `write cost, ${WRITES} writes per line (in memory = what the tests use; durable = npm start)`,
    );
    for (const durable of [false, true]) await mongoWrites(durable, path.join(work, `mongo-${durable}`));
    for (const durable of [false, true]) await kafkaWrites(durable, path.join(work, `kafka-${durable}`));
    await footprint(path.join(work, 'platform'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
