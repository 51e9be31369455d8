export { pageOf, pageFrom, type PageRequest, type ListPage } from './page';
export { untilWritten, STALE, type RetryOptions } from './optimistic-write';
export { KeyedQueue } from './keyed-queue';
export { KeyedBatches } from './keyed-batches';
