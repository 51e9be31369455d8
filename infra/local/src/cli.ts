// tsx infra/local/src/cli.ts fetch                  pre-fetch the jars (CI)
// tsx infra/local/src/cli.ts start [--data-dir d] [--kafka-port n] [--mongo-port n]
//   runs Kafka + Mongo until SIGINT/SIGTERM; prints KAFKA_BROKERS=... MONGO_URL=... on stdout.
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
      kafkaPort: port(values['kafka-port']),
      mongoPort: port(values['mongo-port']),
    });
    console.log(`KAFKA_BROKERS=${infra.kafkaBrokers} MONGO_URL=${infra.mongoUrl}`);
    const shutdown = () => void infra.stop().then(() => process.exit(0));
    process.once('SIGINT', shutdown).once('SIGTERM', shutdown);
    break;
  }
  default:
    console.error('usage: cli.ts fetch | start [--data-dir dir] [--kafka-port n] [--mongo-port n]');
    process.exit(2);
}
