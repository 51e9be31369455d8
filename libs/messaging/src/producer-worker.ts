// The Kafka producer's own thread (see producer-thread.ts): kafkajs encodes, sends and awaits each
// record here, off the service's JavaScript thread. Sends are answered by id, in whatever order
// the broker acknowledges them; kafkajs's log entries go to the parent thread's logger.
import { parentPort, workerData } from 'node:worker_threads';
import { Kafka, logLevel, type LogEntry, type Message, type Producer } from 'kafkajs';
import { quietIdleRequestQueues } from './kafkajs-idle-timers';
import {
  PRODUCER_SETTINGS,
  type FromProducer,
  type ProducerThreadConfig,
  type ToProducer,
} from './producer-protocol';

const port = parentPort!;
const config = workerData as ProducerThreadConfig;
quietIdleRequestQueues();
const kafka = new Kafka({
  clientId: config.clientId,
  brokers: config.brokers,
  logLevel: logLevel.WARN,
  logCreator: () => postLog,
  retry: PRODUCER_SETTINGS.retry,
});
let producer: Promise<Producer> | undefined;

port.on('message', (request: ToProducer) => {
  if (request.kind === 'send') void send(request.id, request.topic, request.messages);
  else void stop(request.id);
});

async function send(id: number, topic: string, messages: Message[]): Promise<void> {
  try {
    const connected = await connectedProducer();
    await connected.send({ topic, acks: -1, messages: messages.map(asBuffers) });
    post({ kind: 'sent', id });
  } catch (error) {
    post({ kind: 'sent', id, error: describe(error) });
  }
}

async function stop(id: number): Promise<void> {
  const running = producer;
  producer = undefined;
  await running?.then((p) => p.disconnect()).catch(() => undefined);
  post({ kind: 'stopped', id });
}

/** One connection attempt at a time; a failed one is forgotten, so the next send tries again. */
function connectedProducer(): Promise<Producer> {
  producer ??= (async () => {
    const created = kafka.producer(PRODUCER_SETTINGS.producer);
    await created.connect();
    return created;
  })().catch((error: unknown) => {
    producer = undefined;
    throw error;
  });
  return producer;
}

function post(message: FromProducer): void {
  port.postMessage(message);
}

/** An entry whose extra fields cannot be cloned goes with its message alone. */
function postLog(entry: LogEntry): void {
  try {
    post({ kind: 'log', entry: { ...entry, log: plain(entry.log) } });
  } catch {
    const { timestamp, logger, message } = entry.log;
    post({ kind: 'log', entry: { ...entry, log: { timestamp, logger, message } } });
  }
}

/** An error as fields a structured clone keeps (a clone of an Error loses its kafkajs name). */
function describe(error: unknown) {
  const { name, message, retriable } = error as { name?: string; message?: string; retriable?: boolean };
  return { name: name ?? 'Error', message: message ?? String(error), retriable: retriable === true };
}

/** Buffers arrive from the parent as plain Uint8Arrays; kafkajs wants Buffers or strings. */
function asBuffers(message: Message): Message {
  const buffer = <T>(value: T) => (value instanceof Uint8Array ? Buffer.from(value) : value);
  const headers = message.headers
    ? Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, buffer(v)]))
    : undefined;
  return { ...message, key: buffer(message.key), value: buffer(message.value), headers };
}

/** A log entry's extra fields, with errors turned into what they say (see `describe`). */
function plain(log: LogEntry['log']): LogEntry['log'] {
  return Object.fromEntries(
    Object.entries(log).map(([k, v]) => [k, v instanceof Error ? describe(v) : v]),
  ) as LogEntry['log'];
}
