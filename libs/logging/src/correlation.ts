import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Header (HTTP and Kafka) that carries the correlation id from one hop to the next. */
export const CORRELATION_HEADER = 'x-correlation-id';

const storage = new AsyncLocalStorage<{ id: string }>();

export const correlation = {
  /** Runs `work` with `id` (or a fresh one) as the current correlation id. */
  run<T>(id: string | undefined, work: () => T): T {
    return storage.run({ id: id && id.length <= 200 ? id : randomUUID() }, work);
  },
  currentId(): string | undefined {
    return storage.getStore()?.id;
  },
};
