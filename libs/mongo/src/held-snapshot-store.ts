import { SnapshotStore, type Snapshot } from './snapshot-store';

/**
 * A `SnapshotStore` that also holds every snapshot in this process's memory, for read models read
 * on every request (booking's resources and orgs): a hit costs no round trip, and a search filters
 * in memory instead of querying fields no index covers. The database stays the durable copy (read
 * once, in full, by `load()` or else the first `all()`, and on a miss); the memory is kept current
 * by `remember`, which a consumer group of this process's own calls with every snapshot event, so
 * each replica sees every change however the partitions are shared.
 */
export class HeldSnapshotStore<T extends Snapshot> extends SnapshotStore<T> {
  private readonly held = new Map<string, T>();
  private loaded: Promise<void> | undefined;
  private sorted: T[] | undefined;

  /** Keeps the snapshot if it is newer than the one held (events may come again or out of order). */
  remember(snapshot: T): void {
    const held = this.held.get(snapshot.id);
    if (held && held.version >= snapshot.version) return;
    this.held.set(snapshot.id, snapshot);
    this.sorted = undefined;
  }

  override async save(snapshot: T): Promise<void> {
    await super.save(snapshot);
    this.remember(snapshot);
  }

  override async get(id: string): Promise<T | undefined> {
    const held = this.held.get(id);
    if (held) return held;
    const stored = await super.get(id);
    if (stored) this.remember(stored);
    return stored;
  }

  /** Reads every stored snapshot into memory, once (again only if that read failed). */
  load(): Promise<void> {
    this.loaded ??= this.collection
      .find({})
      .toArray()
      .then(
        (stored) => stored.forEach((s) => this.remember(s.snapshot)),
        (error: unknown) => {
          this.loaded = undefined;
          throw error;
        },
      );
    return this.loaded;
  }

  /** Every snapshot, in id order (the stored ones are read on the first call, unless loaded before). */
  async all(): Promise<readonly T[]> {
    await this.load();
    this.sorted ??= [...this.held.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.sorted;
  }
}
