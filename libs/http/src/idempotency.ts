import { createHash } from 'node:crypto';
import { errors } from '@labshare/errors';

export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * Remembers the first response per (scope, key). `begin` claims the key atomically: the first caller
 * gets `new`, a concurrent one `pending`, a later one the stored response.
 */
export interface IdempotencyStore {
  begin(
    id: string,
    fingerprint: string,
  ): Promise<
    { state: 'new' } | { state: 'pending' } | { state: 'done'; fingerprint: string; response: StoredResponse }
  >;
  complete(id: string, response: StoredResponse): Promise<void>;
  abandon(id: string): Promise<void>;
}

/** Runs a creating request at most once per `Idempotency-Key`, replaying the first result to retries. */
export class IdempotencyGuard {
  constructor(private readonly store: IdempotencyStore) {}

  async run(
    input: { key: string; scope: string; request: unknown },
    work: () => Promise<StoredResponse>,
  ): Promise<StoredResponse> {
    if (input.key.length > 200)
      throw errors.validation([
        { field: 'header.Idempotency-Key', message: 'is longer than 200 characters' },
      ]);
    const id = createHash('sha256').update(`${input.scope}\n${input.key}`).digest('hex');
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(input.request ?? null))
      .digest('hex');
    const claim = await this.store.begin(id, fingerprint);
    if (claim.state === 'pending') {
      throw errors.conflict(
        'A request with this Idempotency-Key is still in progress.',
        {},
        'idempotency_in_progress',
      );
    }
    if (claim.state === 'done') {
      if (claim.fingerprint !== fingerprint) {
        throw errors.unprocessable(
          'idempotency_key_reused',
          'This Idempotency-Key was used with a different request.',
        );
      }
      return claim.response;
    }
    try {
      const response = await work();
      await this.store.complete(id, response);
      return response;
    } catch (error) {
      // Failed requests are not remembered: the client may retry them with the same key.
      await this.store.abandon(id);
      throw error;
    }
  }
}
