import type { Connection } from 'mongoose';
import type { ReviewItem } from '@labshare/contracts';
import type { PageRequest } from '@labshare/domain-kit';
import type { ReviewStore } from '../domain/ports';
import type { BillableFact } from '../domain/rules/ledger-lines';

type ReviewDocument = Omit<ReviewItem, 'id'> & { _id: string; fact: BillableFact };

/**
 * Facts waiting for an org or resource, keyed like the line they will become: held once however
 * often the fact arrives, and marked rated (kept, for the record) once its line is written.
 */
export class ReviewRepository implements ReviewStore {
  constructor(private readonly db: Connection) {}

  private get collection() {
    return this.db.collection<ReviewDocument>('ledger_review');
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ status: 1, resourceId: 1 });
    await this.collection.createIndex({ status: 1, providerOrgId: 1 });
    await this.collection.createIndex({ status: 1, consumerOrgId: 1 });
  }

  async hold(item: ReviewItem, fact: BillableFact): Promise<void> {
    const { id, reasons, ...rest } = item;
    await this.collection.updateOne(
      { _id: id },
      { $setOnInsert: { ...rest, reasons, fact } },
      { upsert: true },
    );
    await this.collection.updateOne({ _id: id, status: 'pending' }, { $set: { reasons } });
  }

  async pendingNaming(ref: { orgId?: string; resourceId?: string }): Promise<BillableFact[]> {
    const filter = ref.resourceId
      ? { status: 'pending' as const, resourceId: ref.resourceId }
      : { status: 'pending' as const, $or: [{ providerOrgId: ref.orgId }, { consumerOrgId: ref.orgId }] };
    const docs = await this.collection.find(filter).sort({ _id: 1 }).limit(10_000).toArray();
    // A correction after the record it corrects, which it needs rated first.
    const facts = docs.map((d) => d.fact);
    const corrects = (f: BillableFact) => (f.kind === 'usage' && f.record.corrects ? 1 : 0);
    return facts.sort((a, b) => corrects(a) - corrects(b));
  }

  async markRated(id: string): Promise<void> {
    await this.collection.updateOne({ _id: id, status: 'pending' }, { $set: { status: 'rated' } });
  }

  async list(status: ReviewItem['status'], page: PageRequest<string>): Promise<ReviewItem[]> {
    const filter = page.after !== undefined ? { status, _id: { $gt: page.after } } : { status };
    const docs = await this.collection.find(filter).sort({ _id: 1 }).limit(page.limit).toArray();
    return docs.map(({ _id, fact: _fact, ...item }) => ({ id: _id, ...item }));
  }
}
