import { z } from 'zod';
import { env } from './env-fields';

/**
 * Variables every service shares: where the infrastructure is, how to log and how to check
 * bearer tokens. Services extend this with their own port and scan schedules.
 */
export const platformEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Interface the HTTP servers bind: loopback by default, `0.0.0.0` in a container. */
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGO_URL: env.mongoUrl(),
  /** Each service keeps its data in the database `<prefix><service>` (data ownership); test runs use their own prefix. */
  MONGO_DB_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{0,40}$/, 'must be letters, digits, _ or -')
    .default('labshare_'),
  KAFKA_BROKERS: env.brokers(),
  KAFKA_CLIENT_ID: z.string().default('labshare'),
  /** Prefix of topic names, so several environments (or test runs) can share one cluster. */
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/)
    .default(''),
  /** Partitions of the topics this service creates when they do not exist yet. */
  KAFKA_PARTITIONS: env.int(6, 1),
  /**
   * How long the broker waits for a silent consumer before giving its partitions to the other
   * members: a crashed replica's partitions stand still this long. At least the broker's
   * `group.min.session.timeout.ms` (6 s by default).
   */
  KAFKA_SESSION_TIMEOUT_MS: env.int(30_000, 6_000),
  AUTH_JWT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  AUTH_PUBLIC_KEY: z.string().optional(),
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_ISSUER: z.string().optional(),
  AUTH_AUDIENCE: z.string().optional(),
  /** Longest lifetime a bearer token may have, in seconds (exp − iat); tokens without exp are refused. */
  AUTH_MAX_TOKEN_TTL: env.int(43_200, 60),
  /** Comma-separated origins a browser may call the API from (CORS); none by default. */
  CORS_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().url('each origin must be a URL such as https://console.example.org'))),
  OUTBOX_POLL_MS: env.int(250, 10),
  /**
   * How long the outbox relay waits after a write's nudge for more writes to send with it (Kafka's
   * `linger.ms`): events reach the broker up to this much later, in fewer, larger sends.
   */
  OUTBOX_LINGER_MS: env.int(5, 0),
  /**
   * How long a request may wait for another service's record that is still on its way to this
   * service's read model (created a moment ago): it makes a record usable everywhere as soon as its
   * owner answered 201, without calling the owner back. An unknown id costs this wait before its 404.
   */
  READ_MODEL_WAIT_MS: env.int(1000, 0),
  SHUTDOWN_TIMEOUT_MS: env.int(10_000, 100),
});

export type PlatformEnv = z.output<typeof platformEnv>;
