import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { env, loadConfig } from '@labshare/config';
import { freePorts, provideInfrastructure } from '@labshare/local-infra';
import { createLogger } from '@labshare/logging';
import { runUntilStopped } from '@labshare/runtime';
import { z } from 'zod';
import { createGateway, type Upstream } from './gateway';
import { routesByService } from './routes-by-service';
import { DEV_SECRET } from './dev-secret';
import { dataDirSetting } from './data-dir-setting';
import { devPassKeyFile } from './dev-pass-key';
import { ServiceProcess } from './service-process';
import { consoleDist, ensureConsoleBuilt } from './console-build';

const SERVICES = ['inventory', 'booking', 'access', 'billing'] as const;
const portSettings = {
  inventory: 'INVENTORY_PORT',
  booking: 'BOOKING_PORT',
  access: 'ACCESS_PORT',
  billing: 'BILLING_PORT',
} as const;

/**
 * `npm start`: the whole platform on one origin. Uses MONGO_URL / KAFKA_BROKERS when set, else starts
 * local infrastructure; runs each service in a process of its own (supervised: a crashed service is
 * restarted, and never takes the others down), each on its own port, behind a path-routing gateway
 * on PORT (8080). SIGTERM stops everything it started, infrastructure included.
 */
async function main(): Promise<void> {
  const log = (message: string) => console.log(`[platform] ${message}`);
  const config = loadConfig(
    z.object({
      PORT: env.port(8080),
      HOST: env.text('127.0.0.1'),
      LABSHARE_DATA_DIR: dataDirSetting,
      LABSHARE_RESET: env.bool(false),
      INVENTORY_PORT: env.port(8081),
      BOOKING_PORT: env.port(8082),
      ACCESS_PORT: env.port(8083),
      BILLING_PORT: env.port(8084),
    }),
  );
  const { PORT, HOST, LABSHARE_DATA_DIR, LABSHARE_RESET } = config;
  const { values: args } = parseArgs({ options: { reset: { type: 'boolean', default: false } } });
  const started = Date.now();
  const consoleBuilt = ensureConsoleBuilt(log).catch((error: unknown) =>
    log(`web console not built, / will answer 404: ${String(error)}`),
  );
  // The local infrastructure keeps every write in LABSHARE_DATA_DIR (see infra/local's README).
  const infra = await provideInfrastructure({
    dataDir: LABSHARE_DATA_DIR,
    durable: true,
    reset: args.reset || LABSHARE_RESET,
    what: 'npm start',
    log,
  });
  log(`infrastructure (${infra.kind}): KAFKA_BROKERS=${infra.kafkaBrokers} MONGO_URL=${infra.mongoUrl}`);
  // Port 0 means "any": chosen here, so the gateway knows where each service is before it starts.
  const ports = await freePorts(...SERVICES.map((name) => config[portSettings[name]] || undefined));
  const upstreams: Upstream[] = SERVICES.map((name, i) => ({
    name,
    url: `http://127.0.0.1:${ports[i]}`,
    prefixes: [...routesByService[name]],
  }));
  const serviceEnv: Record<string, string | undefined> = {
    // The one synchronous call between services: inventory asks booking for blackout conflicts.
    BOOKING_URL: upstreams[SERVICES.indexOf('booking')]!.url,
    ...process.env,
    KAFKA_BROKERS: infra.kafkaBrokers,
    MONGO_URL: infra.mongoUrl,
  };
  const usesDevSecret =
    !serviceEnv.AUTH_JWT_SECRET && !serviceEnv.AUTH_PUBLIC_KEY && !serviceEnv.AUTH_JWKS_URL;
  if (usesDevSecret) {
    if (serviceEnv.NODE_ENV === 'production')
      throw new Error('Set AUTH_JWT_SECRET, AUTH_PUBLIC_KEY or AUTH_JWKS_URL');
    serviceEnv.AUTH_JWT_SECRET = DEV_SECRET;
    log('AUTH_JWT_SECRET not set: using the development secret (see README, "Tokens")');
    log('the web console offers development sign-in (POST /dev/token)');
  }
  if (
    !serviceEnv.ACCESS_PASS_KEYS &&
    !serviceEnv.ACCESS_PASS_KEY_FILES &&
    serviceEnv.NODE_ENV !== 'production'
  ) {
    serviceEnv.ACCESS_PASS_KEY_FILES = devPassKeyFile(LABSHARE_DATA_DIR);
    log(`ACCESS_PASS_KEYS not set: passes are signed with ${serviceEnv.ACCESS_PASS_KEY_FILES}`);
  }

  const services = SERVICES.map(
    (name, i) =>
      new ServiceProcess({
        name,
        entry: `services/${name}/src/start.ts`,
        env: { ...serviceEnv, [portSettings[name]]: String(ports[i]) },
        log,
      }),
  );
  let draining = false;
  const gateway = createGateway(upstreams, () => draining, {
    consoleDir: consoleDist,
    ...(usesDevSecret ? { devTokenSecret: DEV_SECRET } : {}),
  });
  const stop = async () => {
    draining = true;
    const closing = new Promise<void>((resolve) => gateway.close(() => resolve()));
    gateway.closeIdleConnections();
    await closing;
    await Promise.allSettled(services.map((s) => s.stop()));
    await infra.stop();
    log('stopped');
  };
  runUntilStopped(stop, { timeoutMs: 20_000, logger: createLogger({ service: 'platform' }) });

  for (const service of services) service.start();
  await waitUntilReady(upstreams);
  await consoleBuilt;
  await new Promise<void>((resolve) => gateway.listen(PORT, HOST, resolve));
  // The port bound, not the one asked for: PORT=0 lets the kernel pick one nobody else can take.
  const { port } = gateway.address() as AddressInfo;
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s on http://localhost:${port}`);
}

/** Every service answers /readyz with 200 (they start in parallel; a slow one is waited for). */
async function waitUntilReady(upstreams: Upstream[], timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const upstream of upstreams) {
    for (;;) {
      const ready = await fetch(`${upstream.url}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline)
        throw new Error(`${upstream.name} was not ready within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
