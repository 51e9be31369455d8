// Runs the local infrastructure without Docker: a single-node Kafka broker and mongo-java-server,
// as child JVMs on 127.0.0.1, from jars Maven fetched once, on one data folder.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDataDir } from './data-dir';
import { startKafka } from './kafka-server';
import { defaultLog, type Log } from './log';
import { startMongo } from './mongo-server';

export interface LocalInfra {
  kafkaBrokers: string;
  mongoUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts Kafka and Mongo in parallel on `dataDir`; if either fails, the other is stopped again.
 * Durable: both keep their data there across stops and crashes (`npm start`). Not durable: Mongo
 * lives in memory and Kafka starts afresh, so neither remembers what the other forgot (tests).
 */
export async function startLocalInfra(opts: {
  dataDir: string;
  durable: boolean;
  /** Wipe the data folder first, logging what goes. */
  reset?: boolean;
  /** Who uses the folder, for the message a second user gets ("npm start"). */
  what?: string;
  kafkaPort?: number;
  mongoPort?: number;
  /** The MongoDB-wire server's -Xmx (default 512m). */
  mongoHeap?: string;
  log?: Log;
}): Promise<LocalInfra> {
  const { durable } = opts;
  const log = opts.log ?? defaultLog;
  const { path: dataDir, lock } = await openDataDir({
    dir: opts.dataDir,
    durable,
    reset: opts.reset,
    what: opts.what ?? 'the local infrastructure',
    log,
  });
  if (!durable) rmSync(join(dataDir, 'kafka-logs'), { recursive: true, force: true });
  const onSpawn = (pid: number) => lock.addChild(pid);
  const [kafka, mongo] = await Promise.allSettled([
    startKafka({ dataDir, durable, port: opts.kafkaPort, log, onSpawn }),
    startMongo({ dataDir, durable, port: opts.mongoPort, log, onSpawn, maxHeap: opts.mongoHeap }),
  ]);
  if (kafka.status === 'fulfilled' && mongo.status === 'fulfilled') {
    return {
      kafkaBrokers: kafka.value.url,
      mongoUrl: mongo.value.url,
      stop: async () => {
        await Promise.all([kafka.value.stop(), mongo.value.stop()]);
        lock.release();
      },
    };
  }
  await Promise.all([kafka, mongo].map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
  lock.release();
  throw kafka.status === 'rejected' ? kafka.reason : (mongo as PromiseRejectedResult).reason;
}
