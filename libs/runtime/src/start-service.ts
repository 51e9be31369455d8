import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { Authenticator } from '@labshare/auth';
import type { PlatformEnv } from '@labshare/config';
import { createHttpApp, IdempotencyGuard, startHttpServer, type RouteTable } from '@labshare/http';
import { correlation, createLogger, type Logger } from '@labshare/logging';
import {
  ConsumerRunner,
  MessageBus,
  OutboxRelay,
  type BatchHandler,
  type EventHandler,
  type OutboxSource,
  type WrittenOutbox,
} from '@labshare/messaging';
import { connectMongo, MongoIdempotencyStore, MongoLeaseStore } from '@labshare/mongo';
import { Scheduler, type ScheduledJob } from '@labshare/scheduler';

/** What a service's wiring gets to build its parts from. */
export interface ServiceDeps {
  db: Connection;
  bus: MessageBus;
  logger: Logger;
  authenticator: Authenticator;
  idempotency: IdempotencyGuard;
  /**
   * Repositories call it after a write that queued events, so they leave without waiting for a poll;
   * naming the document written lets the relay claim it by `_id` instead of searching for it.
   */
  nudgeRelay: (written?: WrittenOutbox) => void;
  /** Injected into the domain as they are, so tests can fix time and ids. */
  clock: () => Date;
  newId: () => string;
  /** The correlation id of the request or message being handled, for the events it causes. */
  correlationId: () => string | undefined;
}

/** A repository as the runtime sees it: indexes to create at start, maybe an outbox to relay. */
export interface Repository {
  /** Unique indexes are part of correctness, so they exist before the first request. */
  ensureIndexes(): Promise<void>;
  outboxSource?: OutboxSource;
  /**
   * Reads what it serves from memory, so that no request waits for that read (awaited at start,
   * after the indexes and before the consumers and HTTP).
   */
  preload?(): Promise<void>;
  /** Resolves once the background writes it started have finished (awaited at stop, before the database closes). */
  settled?(): Promise<void>;
}

/** One consumer group: the topics it reads and a handler per event type (each calls a flow). */
export interface ConsumerDefinition {
  groupId: string;
  topics: string[];
  handlers: Record<string, EventHandler>;
  /** Messages of a partition applied at once, for order-independent handlers (default 1). */
  concurrency?: number;
  /** Runs of a partition's messages applied by one call, falling back to `handlers` (see ConsumerRunner). */
  batch?: { handle: BatchHandler; size: number };
  /** For a consumer in no hurry: the broker gathers messages up to `bytes` or `waitMs` per fetch (see ConsumerRunner). */
  gather?: { bytes: number; waitMs: number };
  /** Told instants before which every message of its partitions has been applied (see ConsumerRunner). */
  caughtUp?: (at: number) => void;
  /** A group of one process's life: offsets never committed (see ConsumerRunner). */
  ephemeral?: boolean;
  /** Skips the events this process wrote and relayed from the write itself (see ConsumerRunner). */
  skipWrittenHere?: boolean;
}

/** The parts a service is made of; every service has the same shape. */
export interface ServiceParts {
  routes: RouteTable;
  repositories: Repository[];
  consumers: ConsumerDefinition[];
  jobs: ScheduledJob[];
}

export interface ServiceDefinition {
  name: string;
  config: PlatformEnv & { PORT: number };
  /** Topics this service publishes to or consumes, created up front if missing. */
  topics: string[];
  build: (deps: ServiceDeps) => ServiceParts;
  clock?: () => Date;
}

export interface RunningService {
  name: string;
  url: string;
  port: number;
  logger: Logger;
  parts: ServiceParts;
  relay: OutboxRelay;
  scheduler: Scheduler;
  stop(): Promise<void>;
}

/**
 * Starts one service: MongoDB (its own database), topics, consumers, the outbox relay, scheduled
 * scans and HTTP. `stop()` undoes it in reverse: stop taking requests and let in-flight ones finish,
 * stop scans, consumers and the relay (events not yet relayed wait in their outboxes), disconnect.
 */
export async function startService(definition: ServiceDefinition): Promise<RunningService> {
  const { config, name } = definition;
  const logger = createLogger({ service: name, level: config.LOG_LEVEL });
  const mongo = await connectMongo({
    url: config.MONGO_URL,
    dbName: `${config.MONGO_DB_PREFIX}${name}`,
    logger,
  });
  const bus = new MessageBus({
    brokers: config.KAFKA_BROKERS,
    clientId: `${config.KAFKA_CLIENT_ID}-${name}`,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
    logger,
  });
  await bus.ensureTopics(definition.topics, config.KAFKA_PARTITIONS);

  // The relay needs the parts' outbox sources, and the parts need a way to nudge the relay.
  const relayRef: { current?: OutboxRelay } = {};
  const parts = definition.build({
    db: mongo.connection,
    bus,
    logger,
    authenticator: new Authenticator({
      jwtSecret: config.AUTH_JWT_SECRET,
      publicKey: config.AUTH_PUBLIC_KEY,
      jwksUrl: config.AUTH_JWKS_URL,
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      maxTokenTtlSeconds: config.AUTH_MAX_TOKEN_TTL,
    }),
    idempotency: new IdempotencyGuard(new MongoIdempotencyStore(mongo.connection)),
    nudgeRelay: (written) => relayRef.current?.nudge(written),
    clock: definition.clock ?? (() => new Date()),
    newId: randomUUID,
    correlationId: () => correlation.currentId(),
  });
  await Promise.all(parts.repositories.map((r) => r.ensureIndexes()));
  await Promise.all(parts.repositories.map((r) => r.preload?.()));

  const sources = parts.repositories.flatMap((r) => (r.outboxSource ? [r.outboxSource] : []));
  const relay = new OutboxRelay({
    bus,
    sources,
    logger,
    pollMs: config.OUTBOX_POLL_MS,
    lingerMs: config.OUTBOX_LINGER_MS,
  });
  relayRef.current = relay;
  const consumers = parts.consumers.map((c) => new ConsumerRunner({ bus, logger, ...c }));
  const scheduler = new Scheduler({
    jobs: parts.jobs,
    leases: new MongoLeaseStore(mongo.connection),
    logger,
  });
  let draining = false;
  const app = createHttpApp({
    service: name,
    logger,
    mount: (a) => parts.routes.mount(a),
    openApi: () => parts.routes.openApi(),
    isDraining: () => draining,
    corsOrigins: config.CORS_ALLOWED_ORIGINS,
    readiness: [
      { name: 'mongodb', check: () => mongo.ping() },
      { name: 'kafka', check: () => bus.ping() },
      ...consumers.map((c, i) => ({
        name: `consumer:${parts.consumers[i]?.groupId}`,
        check: async () => {
          if (!c.isReady) throw new Error('not in its consumer group yet');
        },
      })),
    ],
  });

  await Promise.all(consumers.map((c) => c.start()));
  relay.start();
  scheduler.start();
  const http = await startHttpServer(app, config.PORT, config.HOST);
  logger.info({ url: http.url }, `${name} started`);

  return {
    name,
    url: http.url,
    port: http.port,
    logger,
    parts,
    relay,
    scheduler,
    async stop() {
      draining = true;
      await http.close(config.SHUTDOWN_TIMEOUT_MS);
      await scheduler.stop();
      await Promise.allSettled(consumers.map((c) => c.stop()));
      // Events not relayed yet stay in their documents' outboxes for the next start or another replica.
      await relay.stop();
      await Promise.allSettled(parts.repositories.map((r) => r.settled?.()));
      await bus.disconnect();
      await mongo.close();
      logger.info(`${name} stopped`);
    },
  };
}
