import type { mongo } from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key';
import { insertEachIfAbsent } from './insert-once';
import { updateEachIfMatched } from './update-each-if-matched';

/** One document to store if newer: its `_id`, its `version` and the fields to set. */
export interface NewerVersion {
  id: string;
  version: number;
  fields: object;
  /** No older version of the document can exist (its first): a stored copy is as new or newer. */
  first?: boolean;
}

/**
 * Stores `fields` under `id` only if what is held there has an older `version` (or nothing is):
 * the upsert's filter misses a newer or equal version, and its insert then collides on `_id`. So a
 * read model fed by at-least-once, possibly reordered events never rolls back.
 */
export async function saveIfNewer(
  db: mongo.Db,
  collection: string,
  id: string,
  version: number,
  fields: object,
): Promise<void> {
  try {
    await db.collection<{ _id: string }>(collection).updateOne(...upsertIfNewer({ id, version, fields }));
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/**
 * `saveIfNewer` for many documents in one round trip (`updateEachIfMatched`: one refused upsert
 * does not stop the others). Of several versions of one `id`, only the highest is sent. A batch of
 * first versions only (a read model of new bookings under load) is inserted instead: a copy already
 * stored is as new or newer, so its duplicate key is the refusal, and the server neither looks each
 * document up nor works out an update (half the database's CPU of the upserts on the local server;
 * on MongoDB an insert also skips the upsert's query). A batch mixing both is upserted whole, one
 * command rather than an insert and an update.
 */
export async function saveEachIfNewer(
  db: mongo.Db,
  collection: string,
  items: NewerVersion[],
): Promise<void> {
  const newest = new Map<string, NewerVersion>();
  for (const item of items)
    if ((newest.get(item.id)?.version ?? -Infinity) < item.version) newest.set(item.id, item);
  if (newest.size === 0) return;
  const documents = db.collection<{ _id: string }>(collection);
  const saves = [...newest.values()];
  if (saves.every((item) => item.first)) {
    await insertEachIfAbsent(
      documents,
      saves.map(({ id, version, fields }) => ({ _id: id, ...fields, version })),
    );
    return;
  }
  const outcomes = await updateEachIfMatched(
    documents,
    saves.map((item) => {
      const [filter, update] = upsertIfNewer(item);
      return { filter, update };
    }),
  );
  // A refusal (false) is an older or equal version: nothing to do. Any other failure is thrown.
  const failed = outcomes.find((outcome) => outcome instanceof Error);
  if (failed) throw failed;
}

function upsertIfNewer(item: NewerVersion) {
  return [
    { _id: item.id, version: { $lt: item.version } },
    { $set: { ...item.fields, version: item.version } },
    { upsert: true },
  ] as const;
}
