import type { Connection } from 'mongoose';
import { saveIfNewer } from './save-if-newer';

/** What another service's event carries: the full record with its version. */
export interface Snapshot {
  id: string;
  version: number;
}

interface Held<T> {
  _id: string;
  version: number;
  snapshot: T;
}

/**
 * A read model of another service's records, fed by their snapshot events: the newest version per
 * id (older and repeated snapshots are ignored). `getOrAwait` covers the moment between the owner's
 * answer and its event's arrival: it waits a bounded while for a snapshot that is on its way, so a
 * record is usable here as soon as its owner created it, without calling the owner back.
 */
export class SnapshotStore<T extends Snapshot> {
  constructor(
    private readonly db: Connection,
    readonly collectionName: string,
    private readonly options: { awaitMs: number; pollMs?: number },
  ) {}

  get collection() {
    return this.db.collection<Held<T>>(this.collectionName);
  }

  save(snapshot: T): Promise<void> {
    return saveIfNewer(this.db.db!, this.collectionName, snapshot.id, snapshot.version, { snapshot });
  }

  async get(id: string): Promise<T | undefined> {
    return (await this.collection.findOne({ _id: id }))?.snapshot;
  }

  /** Those of the ids held here, by id: one query for many (a batch's parties). */
  async getMany(ids: string[]): Promise<Map<string, T>> {
    if (ids.length === 0) return new Map();
    const held = await this.collection.find({ _id: { $in: [...new Set(ids)] } }).toArray();
    return new Map(held.map((h) => [h._id, h.snapshot]));
  }

  /**
   * `accept` names the state the caller expects (a booking confirmed a moment ago): an older one
   * held here is waited past too, within the same bound; whatever is held then is returned.
   */
  async getOrAwait(id: string, accept: (snapshot: T) => boolean = () => true): Promise<T | undefined> {
    const deadline = Date.now() + this.options.awaitMs;
    for (;;) {
      const held = await this.get(id);
      if ((held && accept(held)) || Date.now() >= deadline) return held;
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? 50));
    }
  }

  /** Snapshots matching a filter on their fields (`{ 'snapshot.kind': 'lab' }`), in id order. */
  async find(filter: Record<string, unknown>, page: { limit: number; after?: string }): Promise<T[]> {
    const query = page.after ? { ...filter, _id: { $gt: page.after } } : filter;
    const held = await this.collection.find(query).sort({ _id: 1 }).limit(page.limit).toArray();
    return held.map((h) => h.snapshot);
  }
}
