import { Kafka, logLevel, type Admin, type Producer, type LogEntry } from 'kafkajs';
import { deadLetterTopic, type EventEnvelope } from '@labshare/contracts';
import { CORRELATION_HEADER, type Logger } from '@labshare/logging';

export interface MessageBusOptions {
  brokers: string[];
  clientId: string;
  /** Prepended to every topic name, so environments or test runs can share a cluster. */
  topicPrefix?: string;
  logger: Logger;
}

/**
 * The one module that knows kafkajs (unmaintained since 2.2.4): swapping it for the
 * KafkaJS-compatible API of @confluentinc/kafka-javascript touches this folder only.
 */
export class MessageBus {
  readonly kafka: Kafka;
  private readonly prefix: string;
  private producer: Producer | undefined;
  private admin: Admin | undefined;

  constructor(private readonly options: MessageBusOptions) {
    this.prefix = options.topicPrefix ?? '';
    const log = options.logger.child({ component: 'kafkajs' });
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => logEntry(log, entry),
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

  /** Creates each topic and its dead-letter twin if missing, and waits for their leaders. */
  async ensureTopics(names: string[], partitions: number): Promise<void> {
    const admin = await this.connectedAdmin();
    const wanted = names.flatMap((n) => [this.topic(n), this.topic(deadLetterTopic(n))]);
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(wanted)].filter((t) => !existing.has(t));
    if (missing.length > 0) await this.createTopics(admin, missing, partitions);
    await this.waitForLeaders(admin, wanted);
  }

  private async createTopics(admin: Admin, missing: string[], partitions: number): Promise<void> {
    try {
      // No waitForLeaders here: kafkajs's wait fails outright when KRaft answers "does not host
      // this topic-partition" for a topic created a moment ago (seen on a busy machine);
      // waitForLeaders below tolerates that and polls.
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({ topic, numPartitions: topic.endsWith('.dlt') ? 1 : partitions })),
      });
    } catch (error) {
      // Several services (or replicas) start at once and race to create shared topics: losing the
      // race is fine as long as the topics exist afterwards.
      const now = new Set(await admin.listTopics());
      if (missing.some((t) => !now.has(t))) throw error;
    }
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
   * Publishes events in order. Keyed by `subject`, so one aggregate's events land on one partition;
   * the producer is idempotent with one request in flight, so retries neither duplicate nor reorder.
   */
  async publish(topicName: string, events: EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    const producer = await this.connectedProducer();
    await producer.send({
      topic: this.topic(topicName),
      acks: -1,
      messages: events.map((event) => ({
        key: event.subject,
        value: JSON.stringify(event),
        headers: {
          'ce-id': event.id,
          'ce-type': event.type,
          ...(event.correlationid ? { [CORRELATION_HEADER]: event.correlationid } : {}),
        },
      })),
    });
  }

  /** Raw send, used for the dead-letter topic where the payload must stay byte-for-byte. */
  async sendRaw(
    topic: string,
    message: { key: Buffer | null; value: Buffer | null; headers: Record<string, string | Buffer> },
  ): Promise<void> {
    const producer = await this.connectedProducer();
    await producer.send({ topic, acks: -1, messages: [message] });
  }

  /** Readiness: the cluster answers a metadata request within the timeout. */
  async ping(timeoutMs = 3000): Promise<void> {
    const admin = await this.connectedAdmin();
    await withTimeout(admin.describeCluster(), timeoutMs, 'Kafka did not answer');
  }

  async disconnect(): Promise<void> {
    await Promise.allSettled([this.producer?.disconnect(), this.admin?.disconnect()]);
    this.producer = undefined;
    this.admin = undefined;
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
      });
      this.producer = producer;
      await producer.connect().catch((error) => {
        this.producer = undefined;
        throw error;
      });
    }
    return this.producer;
  }

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin;
      await admin.connect().catch((error) => {
        this.admin = undefined;
        throw error;
      });
    }
    return this.admin;
  }
}

// The relay retries whole passes itself, so the producer's bounded retries are deliberate: a stop
// must not wait on a send that retries forever. Ordering holds through maxInFlightRequests = 1.
const EXPECTED = new Set(['Limiting retries for the idempotent producer may invalidate EoS guarantees']);

function logEntry(log: Logger, entry: LogEntry): void {
  const { message, ...rest } = entry.log;
  if (EXPECTED.has(message)) return;
  const fields = { namespace: entry.namespace, ...rest };
  if (entry.level <= logLevel.ERROR) log.error(fields, message);
  else if (entry.level === logLevel.WARN) log.warn(fields, message);
  else log.debug(fields, message);
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
