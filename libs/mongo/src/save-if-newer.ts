import type { mongo } from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key';

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
    await db
      .collection<{ _id: string }>(collection)
      .updateOne({ _id: id, version: { $lt: version } }, { $set: { ...fields, version } }, { upsert: true });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}
