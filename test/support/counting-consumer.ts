// A consumer process for the messaging tests: applies `counter.incremented.v1` events to a counter
// document, idempotently (a conditional update refuses an event id already applied). Started with
// tsx by the tests, killed and restarted by them.
import mongoose from 'mongoose';
import { createLogger } from '@labshare/logging';
import { ConsumerRunner, MessageBus } from '@labshare/messaging';
import { applyIncrement } from './counter-effect';

const {
  KAFKA_BROKERS = '',
  MONGO_URL = '',
  TOPIC_PREFIX = '',
  TOPIC = '',
  GROUP = '',
  DB = '',
  DELAY_MS = '0',
} = process.env;
const logger = createLogger({ service: 'counting-consumer', level: process.env.LOG_LEVEL ?? 'warn' });
const db = await mongoose.createConnection(MONGO_URL, { dbName: DB }).asPromise();
const bus = new MessageBus({
  brokers: KAFKA_BROKERS.split(','),
  clientId: 'counting-consumer',
  topicPrefix: TOPIC_PREFIX,
  logger,
});
const runner = new ConsumerRunner({
  bus,
  groupId: GROUP,
  topics: [TOPIC],
  logger,
  handlers: {
    'counter.incremented.v1': async (event) => {
      await applyIncrement(db, event, process.pid);
      if (Number(DELAY_MS) > 0) await new Promise((resolve) => setTimeout(resolve, Number(DELAY_MS)));
    },
  },
});
await runner.start();
process.stdout.write('consumer-started\n');
const stop = async () => {
  await runner.stop();
  await bus.disconnect();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
