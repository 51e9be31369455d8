/**
 * Group commit: items added while a write is in flight are written together by the next one, so
 * under load many callers share one round trip, and alone a caller waits for no timer. Each caller
 * learns the outcome of the write that carried its item: the write's failure, or its own entry of
 * what the write returned (one per item, in order; an Error entry fails that caller alone). At most
 * `maxBatch` items per write.
 */
export class WriteBatcher<T, R = void> {
  private pending: { item: T; done: (error: unknown, result?: R | Error) => void }[] = [];
  private writing = false;

  constructor(
    private readonly write: (items: T[]) => Promise<(R | Error)[] | void>,
    private readonly maxBatch = 500,
  ) {}

  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.pending.push({
        item,
        done: (error, result) => {
          if (error !== undefined) reject(error);
          else if (result instanceof Error) reject(result);
          else resolve(result as R);
        },
      });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      const outcome = await this.write(batch.map((p) => p.item)).then(
        (results) => ({ error: undefined, results }),
        (failure: unknown) => ({ error: failure ?? new Error('batched write failed'), results: undefined }),
      );
      batch.forEach((p, at) => p.done(outcome.error, outcome.results?.[at]));
    }
    this.writing = false;
  }
}
