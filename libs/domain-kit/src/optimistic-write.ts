import { errors, type AppError } from '@labshare/errors';

/** Returned by an attempt whose conditional write found a newer version than it read. */
export const STALE = Symbol('stale');

export interface RetryOptions {
  /** Attempts before giving up: enough that a hot aggregate under a storm of writers gets through. */
  attempts?: number;
  /** The error when every attempt lost its race. */
  exhausted?: () => AppError;
  /** Waits between attempts (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
}

const ATTEMPTS = 200;

/**
 * Optimistic concurrency, the one way every service changes an aggregate: read it at version v,
 * decide on exactly that data, write only if it is still at v (the attempt returns `STALE` when not),
 * and start over on fresh data. Because the decision is re-made each time, it is never stale when
 * written. Losers back off a little, jittered and growing, so contenders spread out.
 */
export async function untilWritten<T>(
  attempt: () => Promise<T | typeof STALE>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? ATTEMPTS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let i = 1; i <= attempts; i++) {
    const outcome = await attempt();
    if (outcome !== STALE) return outcome;
    if (i < attempts) await sleep(Math.random() * Math.min(2 * i, 50));
  }
  throw (options.exhausted ?? concurrentUpdate)();
}

function concurrentUpdate(): AppError {
  return errors.conflict(
    'The record kept changing while this request ran; try again.',
    {},
    'concurrent_update',
  );
}
