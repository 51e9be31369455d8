import { isAppError } from '@labshare/errors';

const TRANSIENT_NAMES = /Mongo(Network|ServerSelection|NotConnected|NetworkTimeout|PoolCleared)|KafkaJS/;

/**
 * Infrastructure trouble that goes away by itself (database or broker unreachable). A message that
 * fails this way is retried until it succeeds, never dead-lettered: the message is fine, the world is not.
 */
export function isTransientError(error: unknown): boolean {
  if (isAppError(error)) return error.retryable;
  if (!(error instanceof Error)) return false;
  const labels = (error as { errorLabelSet?: Set<string> }).errorLabelSet;
  return TRANSIENT_NAMES.test(error.name) || Boolean(labels?.has('RetryableWriteError'));
}
