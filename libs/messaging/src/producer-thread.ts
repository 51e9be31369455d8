import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Message } from 'kafkajs';
import type { Logger } from '@labshare/logging';
import { logKafkaEntry } from './kafkajs-log';
import type { FromProducer, ProducerThreadConfig, ToProducer } from './producer-protocol';

/**
 * The Kafka producer, run on a worker thread of its own (producer-worker.ts). kafkajs encodes each
 * record batch, frames the request, writes it to the socket and decodes the answer in JavaScript:
 * in the booking process that was about a tenth of the one thread that answers HTTP and talks to
 * the database, the process's bottleneck under load. Here it costs that thread a structured clone
 * of the messages (their values are already JSON text) and one answer per send.
 *
 * Sends keep kafkajs's semantics: each resolves once the broker acknowledged it (acks = all) and
 * rejects with the producer's error (its name and `retriable` kept). The thread starts on the first
 * send; if it dies, the sends it held fail and the next send starts another.
 */
export class ProducerThread {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private lastId = 0;

  constructor(
    private readonly config: ProducerThreadConfig,
    private readonly log: Logger,
  ) {}

  send(topic: string, messages: Message[]): Promise<void> {
    return this.call({ kind: 'send', id: ++this.lastId, topic, messages });
  }

  /** Disconnects the producer (after the sends under way) and ends the thread. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    await this.call({ kind: 'stop', id: ++this.lastId }).catch(() => undefined);
    if (this.worker === worker) this.worker = undefined;
    await worker.terminate();
  }

  private call(request: ToProducer): Promise<void> {
    const worker = this.started();
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      worker.postMessage(request);
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_BOOTSTRAP, {
      eval: true,
      workerData: this.config,
      // Its garbage is the requests it encodes: a young generation of V8's default size would hold
      // tens of MB between scavenges.
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.unref(); // the process lives on its own handles (a server, a consumer), not this thread
    worker.on('message', (message: FromProducer) => this.answered(message));
    const gone = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(error);
    };
    worker.on('error', (error) => {
      this.log.error({ err: error }, 'the Kafka producer thread failed');
      gone(error);
    });
    worker.on('exit', (code) => gone(new Error(`the Kafka producer thread exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  private answered(message: FromProducer): void {
    if (message.kind === 'log') return logKafkaEntry(this.log, message.entry);
    const call = this.waiting.get(message.id);
    this.waiting.delete(message.id);
    if (message.kind === 'sent' && message.error) {
      const { name, message: text, retriable } = message.error;
      call?.reject(Object.assign(new Error(text), { name, retriable }));
    } else call?.resolve();
  }

  private failAll(error: Error): void {
    for (const call of this.waiting.values()) call.reject(error);
    this.waiting.clear();
  }
}

const YOUNG_GENERATION_MB = 4;

/**
 * A worker thread does not inherit the TypeScript loader (tsx) the process runs under, with or
 * without `--import tsx` in its own options (Node 20), so the thread registers one itself: tsx's
 * require hook, which needs no loader thread of its own (the ESM loader's hooks would run on one,
 * another ~10 MB of memory).
 */
const WORKER_BOOTSTRAP = `require(${JSON.stringify(createRequire(import.meta.url).resolve('tsx/cjs/api'))}).register();
require(${JSON.stringify(fileURLToPath(new URL('./producer-worker.ts', import.meta.url)))});`;
