// tsx infra/local/src/cli.ts fetch                  pre-fetch the jars (CI)
// tsx infra/local/src/cli.ts start [--data-dir d] [--kafka-port n] [--mongo-port n] [--ephemeral] [--reset]
//   runs Kafka + Mongo until SIGINT/SIGTERM; prints KAFKA_BROKERS=... MONGO_URL=... on stdout.
//   Data are kept in the data dir unless --ephemeral (in-memory MongoDB, Kafka afresh).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureJars, startLocalInfra } from './index';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string', default: join(fileURLToPath(import.meta.url), '../../data') },
    'kafka-port': { type: 'string' },
    'mongo-port': { type: 'string' },
    ephemeral: { type: 'boolean', default: false },
    reset: { type: 'boolean', default: false },
  },
});
const port = (value: string | undefined) => (value === undefined ? undefined : Number(value));

switch (positionals[0]) {
  case 'fetch':
    await ensureJars();
    break;
  case 'start': {
    const infra = await startLocalInfra({
      dataDir: values['data-dir'],
      durable: !values.ephemeral,
      reset: values.reset,
      what: 'npm run infra:start',
      kafkaPort: port(values['kafka-port']),
      mongoPort: port(values['mongo-port']),
    }).catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
    console.log(`KAFKA_BROKERS=${infra.kafkaBrokers} MONGO_URL=${infra.mongoUrl}`);
    const shutdown = () => void infra.stop().then(() => process.exit(0));
    process.once('SIGINT', shutdown).once('SIGTERM', shutdown);
    break;
  }
  default:
    console.error(
      'usage: cli.ts fetch | start [--data-dir dir] [--kafka-port n] [--mongo-port n] [--ephemeral] [--reset]',
    );
    process.exit(2);
}
