import { topics } from '@labshare/contracts';
import { runAsMain, startService, type RunningService } from '@labshare/runtime';
import { loadBookingConfig, type BookingConfig } from './config';
import { buildBookingRoutes } from './entry-points/http/booking.routes';

export async function start(config: BookingConfig = loadBookingConfig()): Promise<RunningService> {
  return startService({
    name: 'booking',
    config,
    topics: [topics.resources, topics.qualifications, topics.bookings],
    build: (deps) => ({
      routes: buildBookingRoutes(deps),
      outboxSources: [],
      consumers: [],
      jobs: [],
      ensureIndexes: async () => undefined,
    }),
  });
}

export { loadBookingConfig as loadConfig } from './config';

runAsMain(import.meta.url, () => start());
