import type { Consumer, EachBatchPayload, EachMessagePayload, KafkaMessage } from 'kafkajs';
import { deadLetterTopic, eventEnvelope, type EventEnvelope } from '@labshare/contracts';
import { CORRELATION_HEADER, correlation, type Logger } from '@labshare/logging';
import type { MessageBus } from './message-bus';
import { followCaughtUp } from './caught-up';
import { isTransientError } from './transient-error';

/**
 * Applies one event. Must be idempotent, keyed on `event.id` (a unique `_id`, or a conditional
 * update that refuses an event already applied): delivery is at least once.
 */
export type EventHandler = (event: EventEnvelope) => Promise<void>;

/** Applies a run of one partition's events together, in offset order; idempotent like a handler. */
export type BatchHandler = (events: EventEnvelope[]) => Promise<void>;

export interface ConsumerRunnerOptions {
  bus: MessageBus;
  groupId: string;
  topics: string[];
  /** By event type; events of other types are skipped (forward compatible). */
  handlers: Record<string, EventHandler>;
  logger: Logger;
  /** Attempts before a failing message is dead-lettered (transient failures are retried forever). */
  maxAttempts?: number;
  backoffMs?: number;
  /**
   * Messages of one partition applied at once (default 1: strictly one after another). Only for
   * handlers whose effects do not depend on each other's order (each keyed on its own event);
   * offsets still advance only past messages whose effect is stored.
   */
  concurrency?: number;
  /**
   * Up to `size` messages of a partition applied by one call (bulk reads and writes for many
   * facts). If that call throws, the same messages are applied one by one by `handlers`, with
   * their retries and dead-lettering, so one bad message costs its batch only speed.
   */
  batch?: { handle: BatchHandler; size: number };
  /**
   * For a consumer in no hurry: the broker answers its fetch once `bytes` of messages
   * wait or `waitMs` passed, so a trickle of messages costs one fetch and one offset commit per
   * `waitMs` instead of one per message. Default: answered as soon as one message is there.
   */
  gather?: { bytes: number; waitMs: number };
  /**
   * Told instants before which every message of the group's partitions has been applied (see
   * `followCaughtUp`), after each fetch while the consumer keeps up: how current a view kept from
   * these events is. An idle consumer fetches once per `gather.waitMs` (kafkajs's default: 5 s).
   */
  caughtUp?: (at: number) => void;
  /**
   * A group of one process's life (a name new at each start, reading the topics from their start):
   * its offsets are never committed, as nothing would read them again.
   */
  ephemeral?: boolean;
  /**
   * Skips, unread, the events this process's writes queued and relayed from their own claims
   * (`WRITER_HEADER`): for a consumer that only mirrors writes into this process's memory, which its
   * writes updated already. Events another process queued, or that a sweep relayed, are applied as
   * any other.
   */
  skipWrittenHere?: boolean;
}

class PoisonMessage extends Error {
  override name = 'PoisonMessage';
}

/**
 * Runs a consumer group. An offset is committed only after the handler has stored its effect.
 * A message that cannot be parsed, or whose handler keeps failing for a reason of its own, goes to
 * `<topic>.dlt` with the reason in its headers, and the partition keeps flowing. A transient failure
 * (database or broker away) is retried with backoff until it passes, so no event is lost to an outage.
 */
export class ConsumerRunner {
  private consumer: Consumer | undefined;
  private ready = false;

  constructor(private readonly options: ConsumerRunnerOptions) {}

  get isReady(): boolean {
    return this.ready;
  }

  async start(): Promise<void> {
    const { bus, groupId, gather } = this.options;
    const consumer = bus.kafka.consumer({
      groupId: bus.group(groupId),
      ...bus.groupTimeouts,
      ...(gather ? { minBytes: gather.bytes, maxWaitTimeInMs: gather.waitMs } : {}),
      allowAutoTopicCreation: false,
      retry: { retries: 10 },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.ready = true;
    });
    if (this.options.caughtUp) followCaughtUp(consumer, this.options.caughtUp);
    consumer.on(consumer.events.CRASH, (event) => {
      this.ready = false;
      this.options.logger.error(
        { err: event.payload.error, restart: event.payload.restart },
        'consumer crashed',
      );
    });
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics.map((t) => bus.topic(t)), fromBeginning: true });
    const concurrency = this.options.concurrency ?? 1;
    const autoCommit = !this.options.ephemeral;
    if (concurrency <= 1 && !this.options.batch) {
      await consumer.run({ autoCommit, eachMessage: (payload) => this.handleMessage(payload) });
    } else {
      await consumer.run({
        autoCommit,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.handleBatch(payload, concurrency),
      });
    }
  }

  async stop(): Promise<void> {
    this.ready = false;
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  /**
   * A batch in chunks of `concurrency` messages applied together; a chunk's offsets are resolved
   * (and committed when due) once every message of it is stored, so a crash replays at most the
   * chunks not yet resolved, which idempotent handlers absorb.
   */
  private async handleBatch(payload: EachBatchPayload, concurrency: number): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const { topic, partition } = batch;
    const size = this.options.batch?.size ?? concurrency;
    for (let i = 0; i < batch.messages.length; i += size) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(i, i + size);
      if (!(await this.applyTogether(topic, partition, chunk))) {
        for (let j = 0; j < chunk.length; j += concurrency) {
          await Promise.all(
            chunk
              .slice(j, j + concurrency)
              .map((message) =>
                this.handleMessage({ topic, partition, message, heartbeat, pause: payload.pause }),
              ),
          );
        }
      }
      resolveOffset(chunk.at(-1)!.offset);
      await heartbeat();
      await commitOffsetsIfNecessary();
    }
  }

  /** The batch handler's try at a chunk: false (nothing to undo, handlers are idempotent) if it failed. */
  private async applyTogether(topic: string, partition: number, chunk: KafkaMessage[]): Promise<boolean> {
    const { batch, logger } = this.options;
    if (!batch) return false;
    try {
      const applied = this.options.skipWrittenHere
        ? chunk.filter((message) => !this.options.bus.writtenHere(message))
        : chunk;
      if (applied.length > 0) await batch.handle(applied.map((message) => parseEvent(message.value)));
      return true;
    } catch (error) {
      logger.warn(
        { err: error, topic, partition, offset: chunk[0]!.offset, count: chunk.length },
        'batch not applied together: applying its messages one by one',
      );
      return false;
    }
  }

  private async handleMessage({
    topic,
    partition,
    message,
    heartbeat,
  }: Pick<EachMessagePayload, 'topic' | 'partition' | 'message' | 'heartbeat' | 'pause'>): Promise<void> {
    if (this.options.skipWrittenHere && this.options.bus.writtenHere(message)) return;
    const correlationId = message.headers?.[CORRELATION_HEADER]?.toString();
    await correlation.run(correlationId, async () => {
      const maxAttempts = this.options.maxAttempts ?? 5;
      const baseDelay = this.options.backoffMs ?? 200;
      for (let attempt = 1; ; attempt++) {
        try {
          await this.apply(message);
          return;
        } catch (error) {
          // A payload that fails its schema will fail every time: no point retrying it.
          const poison =
            error instanceof PoisonMessage || (error instanceof Error && error.name === 'ZodError');
          const transient = !poison && isTransientError(error);
          if (poison || (!transient && attempt >= maxAttempts)) {
            await this.deadLetter(topic, partition, message, error);
            return;
          }
          const delay = Math.min(baseDelay * 2 ** (attempt - 1), 30_000);
          this.options.logger.warn(
            { err: error, topic, partition, offset: message.offset, attempt, delay },
            'retrying message',
          );
          await sleep(delay);
          await heartbeat();
        }
      }
    });
  }

  private async apply(message: KafkaMessage): Promise<void> {
    const event = parseEvent(message.value);
    const handler = this.options.handlers[event.type];
    if (handler) await handler(event);
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    error: unknown,
  ): Promise<void> {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.options.logger.error({ topic, partition, offset: message.offset, reason }, 'message dead-lettered');
    const headers: Record<string, string | Buffer> = {};
    for (const [name, value] of Object.entries(message.headers ?? {})) {
      if (typeof value === 'string' || Buffer.isBuffer(value)) headers[name] = value;
    }
    await this.options.bus.sendRaw(deadLetterTopic(topic), {
      key: message.key,
      value: message.value,
      headers: {
        ...headers,
        'dlt-reason': reason.slice(0, 1000),
        'dlt-topic': topic,
        'dlt-partition': String(partition),
        'dlt-offset': message.offset,
        'dlt-group': this.options.bus.group(this.options.groupId),
      },
    });
  }
}

function parseEvent(value: Buffer | null): EventEnvelope {
  if (!value) throw new PoisonMessage('empty message');
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch {
    throw new PoisonMessage('message is not JSON');
  }
  const parsed = eventEnvelope.safeParse(json);
  if (!parsed.success)
    throw new PoisonMessage(`not a valid event envelope: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
