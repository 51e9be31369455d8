import type { Connection } from 'mongoose';
import type { Org, OrgKind, Qualification, Resource } from '@labshare/contracts';
import type { PageRequest } from '@labshare/domain-kit';
import { SnapshotStore } from '@labshare/mongo';
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

/** Inventory's resources as booking knows them, from `resource.*` snapshot events. */
export class ResourceReadModel implements ResourceDirectory {
  private readonly store: SnapshotStore<Resource>;

  constructor(db: Connection, options: ReadModelOptions) {
    this.store = new SnapshotStore(db, 'resources', options);
  }

  save(resource: Resource) {
    return this.store.save(resource);
  }

  get(resourceId: string) {
    return this.store.get(resourceId);
  }

  getOrAwait(resourceId: string) {
    return this.store.getOrAwait(resourceId);
  }

  search(filter: ResourceFilter, page: PageRequest<string>) {
    const query: Record<string, unknown> = { 'snapshot.status': 'active' };
    if (filter.kind) query['snapshot.kind'] = filter.kind;
    if (filter.orgId) query['snapshot.orgId'] = filter.orgId;
    if (filter.campus) query['snapshot.location.campus'] = filter.campus;
    if (filter.shared !== undefined) query['snapshot.shared'] = filter.shared;
    return this.store.find(query, page);
  }
}

/** Inventory's organisations as booking knows them, from `org.*` snapshot events. */
export class OrgReadModel implements OrgDirectory {
  private readonly store: SnapshotStore<Org>;

  constructor(db: Connection, options: ReadModelOptions) {
    this.store = new SnapshotStore(db, 'orgs', options);
  }

  save(org: Org) {
    return this.store.save(org);
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
