import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { newEvent, type EventEnvelope } from '@labshare/contracts';
import { createLogger } from '@labshare/logging';
import { MessageBus, OutboxRelay } from '@labshare/messaging';
import { mongoOutboxSource, outboxFields } from '@labshare/mongo';

export const TOPIC = 'test.counter-events.v1';
export const logger = createLogger({
  service: 'messaging-test',
  level: process.env.TEST_LOG_LEVEL ?? 'silent',
});

/** An aggregate with its own outbox, as services keep them: state and events in one document. */
function ledgerModel(db: Connection) {
  const schema = new mongoose.Schema({ _id: String, total: Number, ...outboxFields }, { versionKey: false });
  return db.model('Ledger', schema, 'ledgers');
}

/** Everything a messaging test needs, on a database and topic prefix of its own. */
export async function messagingHarness(
  infra: { mongoUrl: string; kafkaBrokers: string },
  options: { leaseMs?: number; clearDelayMs?: number } = {},
) {
  const dbName = `msgtest_${randomUUID().slice(0, 8)}`;
  const topicPrefix = `t-${randomUUID().slice(0, 8)}.`;
  const db = await mongoose.createConnection(infra.mongoUrl, { dbName }).asPromise();
  const bus = new MessageBus({
    brokers: infra.kafkaBrokers.split(','),
    clientId: 'messaging-test',
    topicPrefix,
    logger,
  });
  await bus.ensureTopics([TOPIC], 3);
  const Ledger = ledgerModel(db);
  const source = mongoOutboxSource(Ledger, options);
  const relay = new OutboxRelay({ bus, sources: [source], logger, pollMs: 50 });
  const counterId = randomUUID();

  /** Writes `count` state changes, each with its event in the same single-document write. */
  async function writeThroughOutbox(count: number, start = 0): Promise<void> {
    for (let i = start; i < start + count; i++) {
      const event = incremented(counterId, i);
      await Ledger.create({ _id: randomUUID(), total: i, outbox: [{ topic: TOPIC, event }] });
    }
  }

  return {
    db,
    bus,
    Ledger,
    source,
    relay,
    topicPrefix,
    counterId,
    childEnv: {
      KAFKA_BROKERS: infra.kafkaBrokers,
      MONGO_URL: infra.mongoUrl,
      TOPIC_PREFIX: topicPrefix,
      TOPIC,
      DB: dbName,
    },
    writeThroughOutbox,
    pendingInOutbox: () => Ledger.countDocuments({ 'outbox.0': { $exists: true } }),
    async close() {
      await relay.stop();
      await bus.disconnect();
      await db.dropDatabase().catch(() => undefined);
      await db.close();
    },
  };
}

/**
 * An increment event. 64 keys spread over the partitions: with a handful of keys, all of them would
 * now and then hash to one replica's partitions (7 keys: ~6% of runs), starving the other.
 */
export function incremented(counterId: string, n: number): EventEnvelope {
  return newEvent({
    source: 'labshare/test',
    type: 'counter.incremented.v1',
    subject: `${counterId}-${n % 64}`,
    data: { counterId, n },
    time: new Date(),
  });
}

/** Sum of 0..count-1: what the counter must hold when each event was applied exactly once. */
export function expectedSum(count: number): number {
  return (count * (count - 1)) / 2;
}
