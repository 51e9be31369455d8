import { afterEach, describe, expect, it, vi } from 'vitest';
import { quietIdleRequestQueues } from './kafkajs-idle-timers';

type Queue = {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: unknown;
  checkPendingRequests(): void;
};

/** A kafkajs request queue with nothing in flight, as every idle broker connection has. */
function idleQueue(): Queue {
  const RequestQueue = quietIdleRequestQueues() as unknown as new (options: object) => Queue;
  const logger = {
    debug: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    info: () => undefined,
  };
  return new RequestQueue({
    instrumentationEmitter: { emit: () => undefined },
    maxInFlightRequests: null,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'test',
    broker: 'localhost:9092',
    logger: { namespace: () => logger },
    isConnected: () => true,
  });
}

describe('quietIdleRequestQueues', () => {
  afterEach(() => vi.useRealTimers());

  it('when a request queue with nothing pending is checked, then no timer is left armed', () => {
    vi.useFakeTimers();
    idleQueue().checkPendingRequests();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('when requests are pending behind a throttle, then the check is still armed for when it ends', () => {
    vi.useFakeTimers();
    const queue = idleQueue();
    queue.throttledUntil = Date.now() + 500;
    queue.pending.push({});
    queue.checkPendingRequests();
    expect(vi.getTimerCount()).toBe(1);
  });
});
