import { parseArgs } from 'node:util';
import { env, loadConfig } from '@labshare/config';
import { provideInfrastructure } from '@labshare/local-infra';
import { createLogger } from '@labshare/logging';
import { runUntilStopped, type RunningService } from '@labshare/runtime';
import * as access from '@labshare/access';
import * as billing from '@labshare/billing';
import * as booking from '@labshare/booking';
import * as inventory from '@labshare/inventory';
import { z } from 'zod';
import { createGateway, type Upstream } from './gateway';
import { routesByService } from './routes-by-service';
import { DEV_SECRET } from './dev-secret';
import { dataDirSetting } from './data-dir-setting';
import { devPassKeyFile } from './dev-pass-key';

/**
 * `npm start`: the whole platform on one origin. Uses MONGO_URL / KAFKA_BROKERS when set, else starts
 * local infrastructure; runs the four services in this process, each on its own port, behind a
 * path-routing gateway on PORT (8080). SIGTERM stops everything it started, infrastructure included.
 */
async function main(): Promise<void> {
  const log = (message: string) => console.log(`[platform] ${message}`);
  const { PORT, HOST, LABSHARE_DATA_DIR, LABSHARE_RESET } = loadConfig(
    z.object({
      PORT: env.port(8080),
      HOST: env.text('127.0.0.1'),
      LABSHARE_DATA_DIR: dataDirSetting,
      LABSHARE_RESET: env.bool(false),
    }),
  );
  const { values: args } = parseArgs({ options: { reset: { type: 'boolean', default: false } } });
  const started = Date.now();
  // The local infrastructure keeps every write in LABSHARE_DATA_DIR (see infra/local's README).
  const infra = await provideInfrastructure({
    dataDir: LABSHARE_DATA_DIR,
    durable: true,
    reset: args.reset || LABSHARE_RESET,
    what: 'npm start',
    log,
  });
  log(`infrastructure (${infra.kind}): KAFKA_BROKERS=${infra.kafkaBrokers} MONGO_URL=${infra.mongoUrl}`);
  // The one synchronous call between services (inventory asks booking for blackout conflicts) goes
  // through the gateway: it knows every service's port.
  const gatewayUrl = `http://127.0.0.1:${PORT}`;
  const serviceEnv: Record<string, string | undefined> = {
    BOOKING_URL: gatewayUrl,
    ...process.env,
    KAFKA_BROKERS: infra.kafkaBrokers,
    MONGO_URL: infra.mongoUrl,
  };
  if (!serviceEnv.AUTH_JWT_SECRET && !serviceEnv.AUTH_PUBLIC_KEY && !serviceEnv.AUTH_JWKS_URL) {
    if (serviceEnv.NODE_ENV === 'production')
      throw new Error('Set AUTH_JWT_SECRET, AUTH_PUBLIC_KEY or AUTH_JWKS_URL');
    serviceEnv.AUTH_JWT_SECRET = DEV_SECRET;
    log('AUTH_JWT_SECRET not set: using the development secret (see README, "Tokens")');
  }
  if (
    !serviceEnv.ACCESS_PASS_KEYS &&
    !serviceEnv.ACCESS_PASS_KEY_FILES &&
    serviceEnv.NODE_ENV !== 'production'
  ) {
    serviceEnv.ACCESS_PASS_KEY_FILES = devPassKeyFile(LABSHARE_DATA_DIR);
    log(`ACCESS_PASS_KEYS not set: passes are signed with ${serviceEnv.ACCESS_PASS_KEY_FILES}`);
  }

  const services: RunningService[] = [];
  const upstreams: Upstream[] = [];
  let draining = false;
  const gateway = createGateway(upstreams, () => draining);
  const stop = async () => {
    draining = true;
    const closing = new Promise<void>((resolve) => gateway.close(() => resolve()));
    gateway.closeIdleConnections();
    await closing;
    await Promise.allSettled(services.map((s) => s.stop()));
    await infra.stop();
    log('stopped');
  };
  runUntilStopped(stop, { timeoutMs: 15_000, logger: createLogger({ service: 'platform' }) });

  // In the direction data flows, one after the other: no two services race to create a shared topic.
  services.push(await inventory.start(inventory.loadConfig(serviceEnv)));
  services.push(await booking.start(booking.loadConfig(serviceEnv)));
  services.push(await access.start(access.loadConfig(serviceEnv)));
  services.push(await billing.start(billing.loadConfig(serviceEnv)));
  for (const s of services) {
    upstreams.push({
      name: s.name,
      url: s.url,
      prefixes: [...routesByService[s.name as keyof typeof routesByService]],
    });
  }
  await new Promise<void>((resolve) => gateway.listen(PORT, HOST, resolve));
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s on http://localhost:${PORT}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
