import { logLevel, type LogEntry } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { levelOf } from './kafkajs-log';

const entry = (namespace: string, level: logLevel, message: string): LogEntry => ({
  namespace,
  level,
  label: '',
  log: { timestamp: '', message },
});

describe('levelOf (kafkajs log entries)', () => {
  it.each([
    [
      'a retried error answer while the broker warms up',
      entry('Connection', logLevel.ERROR, 'Response GroupCoordinator(key: 10, version: 2)'),
      'debug',
    ],
    [
      'a connection that broke',
      entry('Connection', logLevel.ERROR, 'Connection error: ECONNREFUSED'),
      'error',
    ],
    [
      'a consumer that crashed',
      entry('Consumer', logLevel.ERROR, 'Crash: KafkaJSNumberOfRetriesExceeded'),
      'error',
    ],
    ['a warning', entry('Producer', logLevel.WARN, 'something odd'), 'warn'],
    ['information', entry('Consumer', logLevel.INFO, 'Starting'), 'debug'],
    [
      'the known idempotent-producer notice',
      entry(
        'Producer',
        logLevel.WARN,
        'Limiting retries for the idempotent producer may invalidate EoS guarantees',
      ),
      'ignore',
    ],
  ])('when kafkajs logs %s, then it is logged at %s', (_what, logged, level) => {
    expect(levelOf(logged)).toBe(level);
  });
});
