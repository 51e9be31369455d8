import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { deadLetterTopic, type EventEnvelope } from '@labshare/contracts';
import { CORRELATION_HEADER, type Logger } from '@labshare/logging';
import { quietIdleRequestQueues } from './kafkajs-idle-timers';
import { logKafkaEntry } from './kafkajs-log';

export interface MessageBusOptions {
  brokers: string[];
  clientId: string;
  /** Prepended to every topic name, so environments or test runs can share a cluster. */
  topicPrefix?: string;
  /** The consumers' group session timeout (kafkajs's default, 30 s, when absent). */
  sessionTimeoutMs?: number;
  logger: Logger;
}

/** The structured-mode content type of the CloudEvents Kafka protocol binding. */
export const CLOUDEVENTS_STRUCTURED = 'application/cloudevents+json; charset=utf-8';

/** Header naming the process whose write queued an event and relayed it from that write's own claim. */
export const WRITER_HEADER = 'labshare-writer';

/**
 * The one module that knows kafkajs (unmaintained since 2.2.4): swapping it for the
 * KafkaJS-compatible API of @confluentinc/kafka-javascript touches this folder only.
 */
export class MessageBus {
  readonly kafka: Kafka;
  /** This process on the bus, for `WRITER_HEADER` (new at each start). */
  readonly writer = randomUUID();
  private readonly prefix: string;
  /** Connected once, on first use; every caller meanwhile awaits the same connection. */
  private producer: Promise<Producer> | undefined;
  private admin: Promise<Admin> | undefined;

  constructor(private readonly options: MessageBusOptions) {
    quietIdleRequestQueues();
    this.prefix = options.topicPrefix ?? '';
    const log = options.logger.child({ component: 'kafkajs' });
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      logCreator: () => (entry) => logKafkaEntry(log, entry),
      retry: { initialRetryTime: 200, retries: 8 },
    });
  }

  topic(name: string): string {
    return `${this.prefix}${name}`;
  }

  /**
   * Consumer groups carry the prefix too: a group shared by environments with different topics
   * would hand one environment's partitions to another's members.
   */
  group(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** Session and heartbeat settings for this bus's consumer groups (a heartbeat a third of the session). */
  get groupTimeouts(): { sessionTimeout: number; heartbeatInterval: number } {
    const sessionTimeout = this.options.sessionTimeoutMs ?? 30_000;
    return { sessionTimeout, heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeout / 3)) };
  }

  /** Creates each topic and its dead-letter twin if missing, and waits for their leaders. */
  async ensureTopics(names: string[], partitions: number): Promise<void> {
    const admin = await this.connectedAdmin();
    const wanted = names.flatMap((n) => [this.topic(n), this.topic(deadLetterTopic(n))]);
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(wanted)].filter((t) => !existing.has(t));
    if (missing.length > 0) await this.createTopics(admin, missing, partitions);
    await this.waitForLeaders(admin, wanted);
  }

  /**
   * Several services (or replicas) start at once and race to create shared topics: kafkajs treats
   * "already exists" as success. Leaders are awaited by `waitForLeaders`, not here: a metadata
   * request right after creation may answer "does not host this topic-partition", which kafkajs's
   * own wait does not retry.
   */
  private async createTopics(admin: Admin, missing: string[], partitions: number): Promise<void> {
    await admin.createTopics({
      waitForLeaders: false,
      topics: missing.map((topic) => ({ topic, numPartitions: topic.endsWith('.dlt') ? 1 : partitions })),
    });
  }

  /**
   * A topic another client created a moment ago may not have partition leaders yet (KRaft answers
   * "does not host this topic-partition" meanwhile): wait until every partition has one.
   */
  private async waitForLeaders(admin: Admin, names: string[], timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const metadata = await admin.fetchTopicMetadata({ topics: names }).catch(() => undefined);
      const led = metadata?.topics.every(
        (t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0),
      );
      if (led) return;
      if (Date.now() > deadline)
        throw new Error(`Topics have no leaders after ${timeoutMs} ms: ${names.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Publishes events in order, in the CloudEvents Kafka protocol binding's structured mode: the
   * value is the JSON envelope, `content-type: application/cloudevents+json`, the key is the
   * event's `subject`, so one aggregate's events land on one partition. The producer is idempotent
   * with one request in flight, so retries neither duplicate nor reorder. Events whose ids are in
   * `writtenHere` were written by this process, whose memory holds their effect already: they carry
   * `WRITER_HEADER`, so its own consumers that only mirror writes into memory may skip them.
   */
  async publish(
    topicName: string,
    events: EventEnvelope[],
    writtenHere: ReadonlySet<string> = NONE,
  ): Promise<void> {
    if (events.length === 0) return;
    const producer = await this.connectedProducer();
    await producer.send({
      topic: this.topic(topicName),
      acks: -1,
      messages: events.map((event) => ({
        key: event.subject,
        value: JSON.stringify(event),
        headers: {
          'content-type': CLOUDEVENTS_STRUCTURED,
          ...(event.correlationid ? { [CORRELATION_HEADER]: event.correlationid } : {}),
          ...(writtenHere.has(event.id) ? { [WRITER_HEADER]: this.writer } : {}),
        },
      })),
    });
  }

  /** Whether this process wrote the message's event and relayed it from that write (`WRITER_HEADER`). */
  writtenHere(message: { headers?: Record<string, unknown> }): boolean {
    const writer = message.headers?.[WRITER_HEADER];
    return writer !== undefined && String(writer) === this.writer;
  }

  /** Raw send, used for the dead-letter topic where the payload must stay byte-for-byte. */
  async sendRaw(
    topic: string,
    message: { key: Buffer | null; value: Buffer | null; headers: Record<string, string | Buffer> },
  ): Promise<void> {
    const producer = await this.connectedProducer();
    await producer.send({ topic, acks: -1, messages: [message] });
  }

  /**
   * Whether consumer group `groupName` has committed, on every partition of `topicName`, at least
   * the offsets in `target` (from `endOffsets`): it has read everything that was there then.
   */
  async hasCaughtUp(groupName: string, topicName: string, target: Map<number, number>): Promise<boolean> {
    const admin = await this.connectedAdmin();
    const [committed] = await admin.fetchOffsets({
      groupId: this.group(groupName),
      topics: [this.topic(topicName)],
    });
    const at = new Map((committed?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
    return [...target].every(([partition, end]) => end === 0 || (at.get(partition) ?? -1) >= end);
  }

  /** Per partition of the topic, the offset its next message will get (a reader at the end has committed it). */
  async endOffsets(topicName: string): Promise<Map<number, number>> {
    const admin = await this.connectedAdmin();
    const offsets = await admin.fetchTopicOffsets(this.topic(topicName));
    return new Map(offsets.map((p) => [p.partition, Number(p.high)]));
  }

  /** Readiness: the cluster answers a metadata request within the timeout. */
  async ping(timeoutMs = 3000): Promise<void> {
    const admin = await this.connectedAdmin();
    await withTimeout(admin.describeCluster(), timeoutMs, 'Kafka did not answer');
  }

  async disconnect(): Promise<void> {
    const [producer, admin] = [this.producer, this.admin];
    this.producer = undefined;
    this.admin = undefined;
    await Promise.allSettled([producer?.then((p) => p.disconnect()), admin?.then((a) => a.disconnect())]);
  }

  private connectedProducer(): Promise<Producer> {
    const producer = (this.producer ??= connected(
      this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false }),
      () => {
        if (this.producer === producer) this.producer = undefined;
      },
    ));
    return producer;
  }

  private connectedAdmin(): Promise<Admin> {
    const admin = (this.admin ??= connected(this.kafka.admin(), () => {
      if (this.admin === admin) this.admin = undefined;
    }));
    return admin;
  }
}

/**
 * `client` once connected. Callers that come while it connects share the attempt (a kafkajs client
 * used before its `connect()` resolves refuses: "The producer is disconnected"); a failed attempt
 * is forgotten (`forget`), so the next caller tries again.
 */
function connected<C extends { connect(): Promise<void> }>(client: C, forget: () => void): Promise<C> {
  return client.connect().then(
    () => client,
    (error: unknown) => {
      forget();
      throw error;
    },
  );
}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const NONE: ReadonlySet<string> = new Set();
