// One calendar wanted by many at once, and what a booking process costs doing nothing.
//   npm run bench:hot-calendar       (starts local infrastructure unless MONGO_URL/KAFKA_BROKERS are set)
// 1. 1,000 bookings of one resource (16 units per 15 minutes, so every request books) from 16
//    clients, through one booking process, then through two (the clients alternate): throughput,
//    latency, CPU per booking of the whole platform, and the answers' statuses.
// 2. The CPU an idle booking process, the broker and the database server use per second, three
//    times 10 s after the load (timers, heartbeats, consumers' fetches).
import { Announcer, tokenFor } from '@labshare/testkit';
import { benchClient } from './bench-client';
import { benchInfra } from './bench-infra';
import { fmt } from './measure';
import { bookOneResource } from './one-resource';
import { cpuPer, platformCpuMs, platformSettled } from './platform-cpu';
import { startServiceProcess } from './service-process';

const BOOKINGS = 1000;
const CLIENTS = 16;
const UNITS = 16;

async function main() {
  const { infra, env } = await benchInfra();
  const replicas = [await startServiceProcess('booking', env), await startServiceProcess('booking', env)];
  // Plays inventory on the bus; booking awaits a resource or org it has not heard of yet.
  const inventory = new Announcer(env, 'bench-inventory');
  try {
    const apis = replicas.map((replica) => benchClient(replica.url));
    const provider = await inventory.org('university');
    const consumer = await inventory.org('enterprise');
    const token = tokenFor({ sub: 'bench', org: consumer.id, roles: ['booker'] });
    console.log(`\n${BOOKINGS} bookings of one resource (${UNITS} units), ${CLIENTS} clients`);
    for (const through of [1, 2]) {
      const hot = await inventory.resource(provider, { capacity: UNITS });
      await platformSettled();
      const cpu = platformCpuMs();
      const { run, statuses } = await bookOneResource(apis.slice(0, through), hot, token, {
        count: BOOKINGS,
        clients: CLIENTS,
      });
      console.log(
        `  through ${through} replica${through > 1 ? 's' : ' '} ${fmt(run)}   CPU/booking ${cpuPer(cpu, BOOKINGS)}` +
          `   statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
      );
    }
    await replicas[1]!.stop();
    await platformSettled();
    console.log('\nidle: one booking process, the broker and the database server, CPU per second');
    for (let round = 0; round < 3; round++) {
      const before = platformCpuMs();
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      const after = platformCpuMs();
      const perSecond = (kind: 'services' | 'db' | 'broker') =>
        ((after[kind] - before[kind]) / 10).toFixed(0);
      console.log(
        `  10 s: booking ${perSecond('services')} ms/s, broker ${perSecond('broker')} ms/s, db ${perSecond('db')} ms/s`,
      );
    }
  } finally {
    await inventory.stop();
    for (const replica of replicas) await replica.stop();
    await infra.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
