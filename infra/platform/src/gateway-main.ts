// The gateway alone, for deployments where each service runs in a container of its own
// (docker-compose.yml): routes by path to the services at INVENTORY_URL, BOOKING_URL, ACCESS_URL
// and BILLING_URL (a service name with several replicas is balanced by the container network).
import { env, loadConfig } from '@labshare/config';
import { createLogger } from '@labshare/logging';
import { runUntilStopped } from '@labshare/runtime';
import { z } from 'zod';
import { createGateway } from './gateway';
import { routesByService } from './routes-by-service';

const config = loadConfig(
  z.object({
    PORT: env.port(8080),
    HOST: env.text('0.0.0.0'),
    INVENTORY_URL: z.string().url(),
    BOOKING_URL: z.string().url(),
    ACCESS_URL: z.string().url(),
    BILLING_URL: z.string().url(),
  }),
);
const logger = createLogger({ service: 'gateway' });
const urls = {
  inventory: config.INVENTORY_URL,
  booking: config.BOOKING_URL,
  access: config.ACCESS_URL,
  billing: config.BILLING_URL,
};
let draining = false;
const gateway = createGateway(
  Object.entries(urls).map(([name, url]) => ({
    name,
    url,
    prefixes: [...routesByService[name as keyof typeof routesByService]],
  })),
  () => draining,
);
runUntilStopped(
  async () => {
    draining = true;
    await new Promise<void>((resolve) => gateway.close(() => resolve()));
  },
  { timeoutMs: 15_000, logger },
);
gateway.listen(config.PORT, config.HOST, () => logger.info({ port: config.PORT }, 'gateway ready'));
