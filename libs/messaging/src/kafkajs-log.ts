import { logLevel, type LogEntry } from 'kafkajs';
import type { Logger } from '@labshare/logging';

// The relay retries whole passes itself, so the producer's bounded retries are deliberate: a stop
// must not wait on a send that retries forever. Ordering holds through maxInFlightRequests = 1.
const EXPECTED = new Set(['Limiting retries for the idempotent producer may invalidate EoS guarantees']);

/**
 * kafkajs logs every error answer of every request at ERROR, although its retry layer handles them
 * ("The group coordinator is not available" while a fresh broker warms up, a leader election...).
 * Those belong at debug: when the retries run out, the operation itself fails and its caller (the
 * consumer's crash handler, the relay, readiness) reports the real failure at error.
 */
export function levelOf(entry: LogEntry): 'error' | 'warn' | 'debug' | 'ignore' {
  const { message } = entry.log;
  if (EXPECTED.has(message)) return 'ignore';
  if (entry.namespace === 'Connection' && message.startsWith('Response ')) return 'debug';
  if (entry.level <= logLevel.ERROR) return 'error';
  if (entry.level === logLevel.WARN) return 'warn';
  return 'debug';
}

export function logKafkaEntry(log: Logger, entry: LogEntry): void {
  const level = levelOf(entry);
  if (level === 'ignore') return;
  const { message, ...rest } = entry.log;
  log[level]({ namespace: entry.namespace, ...rest }, message);
}
