import mongoose, { type Connection } from 'mongoose';
import { outboxFields, type OutboxEntry } from '@labshare/mongo';
import type { Blackout, Resource } from '@labshare/contracts';

/** A resource as stored: the snapshot with `_id` for `id`, instants as dates, and its own outbox. */
export interface ResourceDocument extends Omit<Resource, 'id' | 'blackouts' | 'createdAt' | 'updatedAt'> {
  _id: string;
  blackouts: StoredBlackout[];
  createdAt: Date;
  updatedAt: Date;
  outbox: OutboxEntry[];
}

interface StoredBlackout extends Omit<Blackout, 'start' | 'end' | 'createdAt'> {
  start: Date;
  end: Date;
  createdAt: Date;
}

const blackoutSchema = new mongoose.Schema(
  { id: String, resourceId: String, start: Date, end: Date, reason: String, createdAt: Date },
  { _id: false },
);

// Nested parts are Mixed: their shape is the contract's (checked by Zod before every write), and
// mongoose must neither add nor drop fields of them (`minimize: false` keeps an empty `quota: {}`).
const resourceSchema = new mongoose.Schema(
  {
    _id: String,
    orgId: String,
    kind: String,
    name: String,
    description: String,
    location: mongoose.Schema.Types.Mixed,
    capacity: Number,
    timezone: String,
    shared: Boolean,
    openingHours: mongoose.Schema.Types.Mixed,
    policy: mongoose.Schema.Types.Mixed,
    rates: mongoose.Schema.Types.Mixed,
    requiredQualifications: [String],
    quota: mongoose.Schema.Types.Mixed,
    blackouts: [blackoutSchema],
    status: String,
    version: Number,
    createdAt: Date,
    updatedAt: Date,
    ...outboxFields,
  },
  { versionKey: false, minimize: false, timestamps: false },
);
// Lists run in creation order, optionally per org (MongoDB-wire test servers may ignore these).
resourceSchema.index({ createdAt: 1, _id: 1 });
resourceSchema.index({ orgId: 1, createdAt: 1, _id: 1 });

export type ResourceModel = mongoose.Model<ResourceDocument>;

export function resourceModel(db: Connection): ResourceModel {
  return db.model<ResourceDocument>('Resource', resourceSchema, 'resources');
}

export function toResourceDocument(resource: Resource): Omit<ResourceDocument, 'outbox'> {
  const { id, blackouts, createdAt, updatedAt, ...rest } = resource;
  return {
    _id: id,
    ...rest,
    blackouts: blackouts.map((b) => ({
      ...b,
      start: new Date(b.start),
      end: new Date(b.end),
      createdAt: new Date(b.createdAt),
    })),
    createdAt: new Date(createdAt),
    updatedAt: new Date(updatedAt),
  };
}

export function fromResourceDocument(doc: ResourceDocument): Resource {
  const resource: Resource = {
    id: doc._id,
    orgId: doc.orgId,
    kind: doc.kind,
    name: doc.name,
    description: doc.description,
    capacity: doc.capacity,
    timezone: doc.timezone,
    shared: doc.shared,
    openingHours: doc.openingHours,
    policy: doc.policy,
    rates: doc.rates,
    requiredQualifications: doc.requiredQualifications,
    quota: doc.quota,
    blackouts: doc.blackouts.map(fromStoredBlackout),
    status: doc.status,
    version: doc.version,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
  if (doc.location) resource.location = doc.location;
  return resource;
}

function fromStoredBlackout(b: StoredBlackout): Blackout {
  return {
    id: b.id,
    resourceId: b.resourceId,
    start: b.start.toISOString(),
    end: b.end.toISOString(),
    reason: b.reason,
    createdAt: b.createdAt.toISOString(),
  };
}
