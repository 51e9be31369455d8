import { createRequire } from 'node:module';

/** The part of kafkajs's (internal, CommonJS) request queue this touches. */
interface RequestQueue {
  pending: unknown[];
  scheduleCheckPendingRequests(): void;
}

const PATCHED = Symbol.for('labshare.kafkajs.idle-timers');

/**
 * kafkajs 2.2.4 re-arms its request queue's "check pending requests" timer every time the check
 * runs, and with nothing throttled or pending it arms it with a negative delay: each broker
 * connection runs a 1 ms timer for as long as it is open, busy or idle (tulios/kafkajs#1556 and
 * #1704; the fix proposed in #1667 was never released). A booking process spent 4-5 % of a core on
 * it doing nothing. The timer is now armed only while requests are pending, the only time the check
 * has work: a request that cannot be sent at once is added to `pending` before the timer is asked
 * for, and every answer or timeout checks the queue itself. Returns the patched class.
 */
export function quietIdleRequestQueues(): { prototype: RequestQueue } {
  const queue = createRequire(import.meta.url)('kafkajs/src/network/requestQueue') as {
    prototype: RequestQueue & { [PATCHED]?: true };
  };
  const proto = queue.prototype;
  if (proto[PATCHED]) return queue;
  const schedule = proto.scheduleCheckPendingRequests;
  proto.scheduleCheckPendingRequests = function (this: RequestQueue) {
    if (this.pending.length > 0) schedule.call(this);
  };
  proto[PATCHED] = true;
  return queue;
}
