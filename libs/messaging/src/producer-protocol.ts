import type { LogEntry, Message, ProducerConfig, RetryOptions } from 'kafkajs';

/** What the producer's thread is started with. */
export interface ProducerThreadConfig {
  clientId: string;
  brokers: string[];
}

/**
 * The producer every process uses: idempotent with one request in flight, so retries neither
 * duplicate nor reorder; bounded retries, because the relay retries whole passes itself.
 */
export const PRODUCER_SETTINGS: { producer: ProducerConfig; retry: RetryOptions } = {
  producer: { idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false },
  retry: { initialRetryTime: 200, retries: 8 },
};

/** The parent thread to the producer's. */
export type ToProducer =
  { kind: 'send'; id: number; topic: string; messages: Message[] } | { kind: 'stop'; id: number };

/** A failed send, as the producer's thread describes it. */
export interface SendFailure {
  name: string;
  message: string;
  retriable: boolean;
}

/** The producer's thread to the parent. */
export type FromProducer =
  | { kind: 'sent'; id: number; error?: SendFailure }
  | { kind: 'stopped'; id: number }
  | { kind: 'log'; entry: LogEntry };
