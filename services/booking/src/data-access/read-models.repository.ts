import type { Connection } from 'mongoose';
import type { OrgKind, Qualification, Resource } from '@labshare/contracts';
import { isDuplicateKeyError } from '@labshare/mongo';
import type {
  HeldQualification,
  OrgDirectory,
  QualificationDirectory,
  ResourceDirectory,
} from '../domain/ports';
import type { InventoryClient } from './inventory.client';

/**
 * Keeps the newest snapshot per id: a snapshot with an older or equal version than the one held is
 * ignored (the upsert's filter misses and its insert collides on `_id`), so redelivered and
 * out-of-order events cannot roll a read model back.
 */
async function keepNewest(db: Connection, collection: string, id: string, version: number, fields: object) {
  try {
    await db
      .collection<{ _id: string }>(collection)
      .updateOne({ _id: id, version: { $lt: version } }, { $set: { version, ...fields } }, { upsert: true });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

export class ResourceReadModel implements ResourceDirectory {
  constructor(
    private readonly db: Connection,
    private readonly inventory: InventoryClient,
  ) {}

  apply(resource: Resource): Promise<void> {
    return keepNewest(this.db, 'resources', resource.id, resource.version, { snapshot: resource });
  }

  async get(resourceId: string, authorization?: string): Promise<Resource | undefined> {
    const held = await this.db
      .collection<{ _id: string; snapshot: Resource }>('resources')
      .findOne({ _id: resourceId });
    if (held) return held.snapshot;
    if (!authorization) return undefined;
    const fetched = await this.inventory.resource(resourceId, authorization);
    if (fetched) await this.apply(fetched);
    return fetched;
  }

  async search(
    filter: { kind?: string; orgId?: string; campus?: string; shared?: boolean },
    page: { limit: number; after?: string },
  ): Promise<Resource[]> {
    const query: Record<string, unknown> = { 'snapshot.status': 'active' };
    if (filter.kind) query['snapshot.kind'] = filter.kind;
    if (filter.orgId) query['snapshot.orgId'] = filter.orgId;
    if (filter.campus) query['snapshot.location.campus'] = filter.campus;
    if (filter.shared !== undefined) query['snapshot.shared'] = filter.shared;
    if (page.after) query._id = { $gt: page.after };
    const docs = await this.db
      .collection<{ _id: string; snapshot: Resource }>('resources')
      .find(query)
      .sort({ _id: 1 })
      .limit(page.limit)
      .toArray();
    return docs.map((d) => d.snapshot);
  }
}

export class OrgReadModel implements OrgDirectory {
  constructor(
    private readonly db: Connection,
    private readonly inventory: InventoryClient,
  ) {}

  apply(org: { id: string; kind: OrgKind; version: number }): Promise<void> {
    return keepNewest(this.db, 'orgs', org.id, org.version, { kind: org.kind });
  }

  async kindOf(orgId: string, authorization?: string): Promise<OrgKind | undefined> {
    const held = await this.db.collection<{ _id: string; kind: OrgKind }>('orgs').findOne({ _id: orgId });
    if (held) return held.kind;
    if (!authorization) return undefined;
    const fetched = await this.inventory.org(orgId, authorization);
    if (fetched) await this.apply(fetched);
    return fetched?.kind;
  }
}

export class QualificationReadModel implements QualificationDirectory {
  constructor(private readonly db: Connection) {}

  apply(q: Qualification): Promise<void> {
    return keepNewest(this.db, 'qualifications', q.id, q.version, {
      orgId: q.orgId,
      userId: q.userId,
      name: q.name,
      expiresAt: q.expiresAt ? new Date(q.expiresAt) : null,
      revokedAt: q.revokedAt ? new Date(q.revokedAt) : null,
    });
  }

  async held(orgId: string, userId: string): Promise<HeldQualification[]> {
    const docs = await this.db
      .collection<{ _id: string; name: string; expiresAt: Date | null; revokedAt: Date | null }>(
        'qualifications',
      )
      .find({ orgId, userId, revokedAt: null })
      .toArray();
    return docs.map((d) => ({ name: d.name, ...(d.expiresAt ? { expiresAt: d.expiresAt.getTime() } : {}) }));
  }
}
