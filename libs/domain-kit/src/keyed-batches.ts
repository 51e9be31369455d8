interface Waiting<I, R> {
  item: I;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Items handed to `work` in batches, one batch at a time per key and different keys at once. An
 * item arriving while its key is idle starts a batch of its own at once; those arriving while a
 * batch runs wait, and the next batch takes them together (at most `max`), in the order they came.
 * `work` answers each item of its batch, in order; if it throws, every item of the batch gets the
 * error, and the key goes on to the next batch.
 */
export class KeyedBatches<I, R> {
  private readonly waiting = new Map<string, Waiting<I, R>[]>();

  constructor(
    private readonly work: (key: string, items: I[]) => Promise<R[]>,
    private readonly max: number,
  ) {}

  add(key: string, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.waiting.get(key);
      if (queue) queue.push({ item, resolve, reject });
      else {
        const started: Waiting<I, R>[] = [{ item, resolve, reject }];
        this.waiting.set(key, started);
        void this.drain(key, started);
      }
    });
  }

  /** Runs the key's batches until none is waiting; the key's entry exists exactly while it runs. */
  private async drain(key: string, queue: Waiting<I, R>[]): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, this.max);
      try {
        const results = await this.work(
          key,
          batch.map((w) => w.item),
        );
        batch.forEach((w, i) => w.resolve(results[i]!));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    this.waiting.delete(key);
  }
}
