// Runs the local infrastructure without Docker: a single-node Kafka broker and mongo-java-server,
// as child JVMs on 127.0.0.1, from jars Maven fetched once.
import { startKafka } from './kafka-server';
import type { Log } from './log';
import { startMongo } from './mongo-server';

export interface LocalInfra {
  kafkaBrokers: string;
  mongoUrl: string;
  stop(): Promise<void>;
}

/** Starts Kafka and Mongo in parallel; if either fails, the other is stopped again. */
export async function startLocalInfra(opts: {
  dataDir: string;
  kafkaPort?: number;
  mongoPort?: number;
  log?: Log;
}): Promise<LocalInfra> {
  const { dataDir, log } = opts;
  const [kafka, mongo] = await Promise.allSettled([
    startKafka({ dataDir, port: opts.kafkaPort, log }),
    startMongo({ dataDir, port: opts.mongoPort, log }),
  ]);
  if (kafka.status === 'fulfilled' && mongo.status === 'fulfilled') {
    return {
      kafkaBrokers: kafka.value.url,
      mongoUrl: mongo.value.url,
      stop: async () => void (await Promise.all([kafka.value.stop(), mongo.value.stop()])),
    };
  }
  await Promise.all([kafka, mongo].map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
  throw kafka.status === 'rejected' ? kafka.reason : (mongo as PromiseRejectedResult).reason;
}
