import type { mongo } from 'mongoose';
import { isDuplicateKeyError, writeErrorsOf } from './duplicate-key';

/** An update to apply only if the document `_id` still matches the rest of `filter` (e.g. a version). */
export interface ConditionalUpdate<D extends { _id: string }> {
  filter: mongo.Filter<D>;
  update: mongo.UpdateFilter<D>;
}

/**
 * Many compare-and-sets in one round trip, each told apart: an unordered `bulkWrite` of upserts, in
 * which an update whose filter misses turns into an insert of its `_id`, which collides with the
 * document there and is reported as a duplicate key at its index. So each entry of the result says
 * whether its update was applied (true), refused (false), or failed otherwise (that error). An
 * update of a missing `_id` inserts it: what a read model's first save wants (`saveEachIfNewer`), and
 * why a compare-and-set must name a document that exists. The same on one server, a
 * replica set (retryable like any bulk write) and a sharded cluster (the router splits the batch by
 * shard, each update targeted by its `_id`).
 */
export async function updateEachIfMatched<D extends { _id: string }>(
  collection: mongo.Collection<D>,
  updates: ConditionalUpdate<D>[],
): Promise<(boolean | Error)[]> {
  const operations = updates.map(({ filter, update }): mongo.AnyBulkWriteOperation<D> => ({
    updateOne: { filter, update, upsert: true },
  }));
  const outcomes: (boolean | Error)[] = updates.map(() => true);
  try {
    await collection.bulkWrite(operations, { ordered: false });
  } catch (error) {
    const failures = writeErrorsOf(error);
    if (failures.length === 0) throw error;
    for (const failure of failures)
      outcomes[failure.index] = isDuplicateKeyError(failure) ? false : asError(failure);
  }
  return outcomes;
}

const asError = (failure: { code?: unknown; errmsg?: unknown }) =>
  new Error(`conditional update failed (code ${String(failure.code)}): ${String(failure.errmsg ?? '')}`);
