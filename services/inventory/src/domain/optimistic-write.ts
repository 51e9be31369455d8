import { errors } from '@labshare/errors';

/** Returned by an attempt whose conditional write found a newer version than it read. */
export const STALE = Symbol('stale');

const ATTEMPTS = 5;

/**
 * Read, decide, write-if-unchanged, and start over when another write came first (optimistic
 * concurrency on `version`). A record that keeps changing under us is a 409 for the client to retry.
 */
export async function untilWritten<T>(attempt: () => Promise<T | typeof STALE>): Promise<T> {
  for (let i = 0; i < ATTEMPTS; i++) {
    const outcome = await attempt();
    if (outcome !== STALE) return outcome;
  }
  throw errors.conflict(
    'The record kept changing while this request ran; try again.',
    {},
    'concurrent_update',
  );
}
