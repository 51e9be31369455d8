import type { Connection, FilterQuery } from 'mongoose';
import { mongoOutboxSource } from '@labshare/mongo';
import type { OutboxSource } from '@labshare/messaging';
import type { Resource } from '@labshare/contracts';
import type { PageRequest, PendingEvent, ResourceFilter, ResourceStore } from '../domain/ports';
import {
  fromResourceDocument,
  resourceModel,
  toResourceDocument,
  type ResourceDocument,
} from './resource.model';
import { afterKey, escapeRegex } from './query-helpers';

export interface ResourceRepository extends ResourceStore {
  outboxSource: OutboxSource;
  ensureIndexes(): Promise<void>;
}

export function resourceRepository(db: Connection): ResourceRepository {
  const Resources = resourceModel(db);
  return {
    outboxSource: mongoOutboxSource(Resources),
    ensureIndexes: async () => {
      await Resources.createIndexes();
    },

    async insert(resource: Resource, events: PendingEvent[]) {
      await Resources.create({ ...toResourceDocument(resource), outbox: events });
    },

    async findById(id: string) {
      const doc = await Resources.findById(id, { outbox: 0, outboxClaimedUntil: 0 }).lean<ResourceDocument>();
      return doc ? fromResourceDocument(doc) : undefined;
    },

    async list(filter: ResourceFilter, page: PageRequest) {
      const docs = await Resources.find(listQuery(filter, page), { outbox: 0, outboxClaimedUntil: 0 })
        .sort({ createdAt: 1, _id: 1 })
        .limit(page.limit)
        .lean<ResourceDocument[]>();
      return docs.map(fromResourceDocument);
    },

    /** State and events in one conditional write: nothing is written if `version` moved on. */
    async replace(next: Resource, expectedVersion: number, events: PendingEvent[]) {
      const { _id, version: _version, createdAt: _createdAt, ...fields } = toResourceDocument(next);
      const result = await Resources.updateOne(
        { _id, version: expectedVersion },
        { $set: fields, $inc: { version: 1 }, $push: { outbox: { $each: events } } },
      );
      return result.matchedCount === 1;
    },
  };
}

function listQuery(filter: ResourceFilter, page: PageRequest): FilterQuery<ResourceDocument> {
  const and: FilterQuery<ResourceDocument>[] = [];
  if (filter.kind) and.push({ kind: filter.kind });
  if (filter.orgId) and.push({ orgId: filter.orgId });
  if (filter.shared !== undefined) and.push({ shared: filter.shared });
  if (filter.campus) and.push({ 'location.campus': filter.campus });
  if (filter.status) and.push({ status: filter.status });
  if (filter.visibleToOrg !== undefined) {
    and.push({ $or: [{ shared: true }, { orgId: filter.visibleToOrg }] });
  }
  if (filter.text) {
    // No $text on the MongoDB-wire test server, and a regex is exact for short catalogue searches.
    const pattern = new RegExp(escapeRegex(filter.text), 'i');
    and.push({ $or: [{ name: pattern }, { description: pattern }] });
  }
  if (page.after) and.push(afterKey(page.after));
  return and.length > 0 ? { $and: and } : {};
}
