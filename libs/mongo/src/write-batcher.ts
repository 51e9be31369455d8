/**
 * Group commit: items added while a write is in flight are written together by the next one, so
 * under load many callers share one round trip, and alone a caller waits for no timer. Each caller
 * learns the outcome of the write that carried its item. At most `maxBatch` items per write.
 */
export class WriteBatcher<T> {
  private pending: { item: T; done: (error?: unknown) => void }[] = [];
  private writing = false;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly maxBatch = 500,
  ) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      const error = await this.write(batch.map((p) => p.item)).then(
        () => undefined,
        (failure: unknown) => failure ?? new Error('batched write failed'),
      );
      for (const p of batch) p.done(error);
    }
    this.writing = false;
  }
}
