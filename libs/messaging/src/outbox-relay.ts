import type { EventEnvelope } from '@labshare/contracts';
import type { Logger } from '@labshare/logging';
import type { MessageBus } from './message-bus';

/** The pending events of one aggregate document, claimed by one relay for a while. */
export interface OutboxBatch {
  documentId: string;
  events: { topic: string; event: EventEnvelope }[];
}

/**
 * Where the relay finds events. The state change and its events were written in one document
 * write; the source hands out documents with pending events and forgets the ones relayed.
 */
export interface OutboxSource {
  name: string;
  /** Claims up to `limit` documents with pending events; a claim keeps other relays off for a lease. */
  claim(limit: number): Promise<OutboxBatch[]>;
  /** Removes the relayed events from the document and releases the claim. */
  markRelayed(documentId: string, eventIds: string[]): Promise<void>;
}

export interface OutboxRelayOptions {
  bus: MessageBus;
  sources: OutboxSource[];
  logger: Logger;
  pollMs: number;
  batchSize?: number;
}

/**
 * Moves events from the documents' outboxes to Kafka: at least once (an event is removed only after
 * the broker acknowledged it), in order per aggregate (a document's events go in one ordered send).
 * Polls, and can be nudged right after a write so events leave without waiting for the next tick.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private failures = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Asks for a pass as soon as possible (after a local write). */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Stops polling and waits for the pass in progress, so nothing is half-sent at shutdown. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over every source until they have nothing left; returns the number of events relayed. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      let relayed = 0;
      for (const source of this.options.sources) relayed += await this.relayFrom(source);
      total += relayed;
      if (relayed === 0) return total;
    }
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.running) return;
    this.running = this.drain().then(
      () => {
        this.failures = 0;
      },
      (error: unknown) => {
        this.failures += 1;
        this.options.logger.warn(
          { err: error, failures: this.failures },
          'outbox relay pass failed; will retry',
        );
      },
    );
    await this.running;
    this.running = undefined;
    if (this.stopped) return;
    const backoff = Math.min(this.options.pollMs * 2 ** this.failures, 10_000);
    const next = this.again ? 0 : backoff;
    this.again = false;
    this.schedule(next);
  }

  private async relayFrom(source: OutboxSource): Promise<number> {
    const batches = await source.claim(this.options.batchSize ?? 50);
    let count = 0;
    for (const batch of batches) {
      await this.publishInOrder(batch);
      await source.markRelayed(
        batch.documentId,
        batch.events.map((e) => e.event.id),
      );
      count += batch.events.length;
    }
    return count;
  }

  /** Sends runs of same-topic events in one request each, keeping the document's order. */
  private async publishInOrder(batch: OutboxBatch): Promise<void> {
    let run: EventEnvelope[] = [];
    let runTopic = '';
    for (const { topic, event } of batch.events) {
      if (topic !== runTopic && run.length > 0) {
        await this.options.bus.publish(runTopic, run);
        run = [];
      }
      runTopic = topic;
      run.push(event);
    }
    if (run.length > 0) await this.options.bus.publish(runTopic, run);
  }
}
