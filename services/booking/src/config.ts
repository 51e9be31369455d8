import { env, loadConfig, platformEnv } from '@labshare/config';

export const bookingConfigSchema = platformEnv.extend({
  BOOKING_PORT: env.port(8082),
});

export type BookingConfig = ReturnType<typeof loadBookingConfig>;

export function loadBookingConfig(source: Record<string, string | undefined> = process.env) {
  const config = loadConfig(bookingConfigSchema, source);
  return { ...config, PORT: config.BOOKING_PORT };
}
