import type { Connection, FilterQuery } from 'mongoose';
import { mongoOutboxSource } from '@labshare/mongo';
import type { Resource } from '@labshare/contracts';
import type { PageRequest } from '@labshare/domain-kit';
import type { CreationKey, PendingEvent, ResourceFilter, ResourceStore } from '../domain/ports';
import {
  fromResourceDocument,
  resourceModel,
  type ResourceModel,
  toResourceDocument,
  type ResourceDocument,
} from './resource.model';
import { afterKey, escapeRegex } from './query-helpers';

/** Resources (blackouts inside), each with its own outbox; writes that queue events nudge the relay. */
export class ResourceRepository implements ResourceStore {
  private readonly resources: ResourceModel;
  readonly outboxSource;

  constructor(
    db: Connection,
    private readonly eventsWritten: () => void,
  ) {
    this.resources = resourceModel(db);
    this.outboxSource = mongoOutboxSource(this.resources);
  }

  async ensureIndexes(): Promise<void> {
    await this.resources.createIndexes();
  }

  async insert(resource: Resource, events: PendingEvent[]) {
    await this.resources.create({ ...toResourceDocument(resource), outbox: events });
    this.eventsWritten();
  }

  async findById(id: string) {
    const doc = await this.resources.findById(id, withoutOutbox).lean<ResourceDocument>();
    return doc ? fromResourceDocument(doc) : undefined;
  }

  async list(filter: ResourceFilter, page: PageRequest<CreationKey>) {
    const docs = await this.resources
      .find(listQuery(filter, page), withoutOutbox)
      .sort({ createdAt: 1, _id: 1 })
      .limit(page.limit)
      .lean<ResourceDocument[]>();
    return docs.map(fromResourceDocument);
  }

  /** State and events in one conditional write: nothing is written if `version` moved on. */
  async replace(next: Resource, expectedVersion: number, events: PendingEvent[]) {
    const { _id, version: _version, createdAt: _createdAt, ...fields } = toResourceDocument(next);
    const result = await this.resources.updateOne(
      { _id, version: expectedVersion },
      { $set: fields, $inc: { version: 1 }, $push: { outbox: { $each: events } } },
    );
    if (result.matchedCount !== 1) return false;
    this.eventsWritten();
    return true;
  }
}

const withoutOutbox = { outbox: 0, outboxClaimedUntil: 0 };

function listQuery(filter: ResourceFilter, page: PageRequest<CreationKey>): FilterQuery<ResourceDocument> {
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
