import type { Connection } from 'mongoose';
import type { Org, OrgKind, Qualification, Resource } from '@labshare/contracts';
import type { PageRequest } from '@labshare/domain-kit';
import { HeldSnapshotStore, SnapshotStore } from '@labshare/mongo';
import type { Repository } from '@labshare/runtime';
import type {
  HeldQualification,
  OrgDirectory,
  QualificationDirectory,
  ResourceDirectory,
  ResourceFilter,
} from '../domain/ports';

/** How long a request waits for a snapshot still on its way (see `SnapshotStore.getOrAwait`). */
export interface ReadModelOptions {
  awaitMs: number;
}

/**
 * Inventory's resources as booking knows them, from `resource.*` snapshot events: stored, and held
 * in memory (every booking and availability answer reads one; a search filters all of them), read
 * in full at start so that the first search reads nothing.
 */
export class ResourceReadModel implements ResourceDirectory, Repository {
  private readonly store: HeldSnapshotStore<Resource>;

  constructor(db: Connection, options: ReadModelOptions) {
    this.store = new HeldSnapshotStore(db, 'resources', options);
  }

  /** Snapshots are found by `_id` only. */
  async ensureIndexes(): Promise<void> {}

  preload() {
    return this.store.load();
  }

  save(resource: Resource) {
    return this.store.save(resource);
  }

  remember(resource: Resource) {
    this.store.remember(resource);
  }

  get(resourceId: string) {
    return this.store.get(resourceId);
  }

  getOrAwait(resourceId: string) {
    return this.store.getOrAwait(resourceId);
  }

  async search(filter: ResourceFilter, page: PageRequest<string>) {
    const all = await this.store.all();
    const found: Resource[] = [];
    for (let i = page.after === undefined ? 0 : firstAfter(all, page.after); i < all.length; i++) {
      const r = all[i]!;
      if (r.status !== 'active') continue;
      if (filter.kind && r.kind !== filter.kind) continue;
      if (filter.orgId && r.orgId !== filter.orgId) continue;
      if (filter.campus && r.location?.campus !== filter.campus) continue;
      if (filter.shared !== undefined && r.shared !== filter.shared) continue;
      found.push(r);
      if (found.length === page.limit) break;
    }
    return found;
  }
}

/** Inventory's organisations as booking knows them, from `org.*` snapshot events (held in memory too). */
export class OrgReadModel implements OrgDirectory {
  private readonly store: HeldSnapshotStore<Org>;

  constructor(db: Connection, options: ReadModelOptions) {
    this.store = new HeldSnapshotStore(db, 'orgs', options);
  }

  save(org: Org) {
    return this.store.save(org);
  }

  remember(org: Org) {
    this.store.remember(org);
  }

  async kindOf(orgId: string): Promise<OrgKind | undefined> {
    return (await this.store.getOrAwait(orgId))?.kind;
  }
}

/** Access's qualifications as booking knows them, from `qualification.*` snapshot events. */
export class QualificationReadModel implements QualificationDirectory {
  private readonly store: SnapshotStore<Qualification>;

  constructor(db: Connection) {
    this.store = new SnapshotStore(db, 'qualifications', { awaitMs: 0 });
  }

  save(qualification: Qualification) {
    return this.store.save(qualification);
  }

  async held(orgId: string, userId: string): Promise<HeldQualification[]> {
    const query = { 'snapshot.orgId': orgId, 'snapshot.userId': userId, 'snapshot.revokedAt': null };
    const held = await this.store.find(query, { limit: 1000 });
    return held.map((q) => ({
      name: q.name,
      ...(q.expiresAt ? { expiresAt: Date.parse(q.expiresAt) } : {}),
    }));
  }
}

/** The index of the first resource with an id after `after`, in a list sorted by id (binary search). */
function firstAfter(sorted: readonly Resource[], after: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]!.id <= after) low = mid + 1;
    else high = mid;
  }
  return low;
}
