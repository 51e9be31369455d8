import type { Consumer } from 'kafkajs';

/** The parts of a kafkajs consumer this reads: its instrumentation events. */
export type InstrumentedConsumer = Pick<Consumer, 'on' | 'events'>;

/**
 * Reports instants before which every message of the consumer's partitions has been applied.
 *
 * kafkajs fetches from each broker in a loop: a fetch, then the handling of every batch it returned
 * (awaited), then the next fetch. So when a broker's next fetch starts, the previous one's batches
 * are applied; and if each of them ended at the partition's high watermark (no lag), that fetch
 * returned everything the broker held when it started (a partition with nothing new returns an
 * empty batch). The instant reported is the oldest such fetch start over the brokers fetched from,
 * and only once each of them has had one; a lagging batch anywhere spoils the fetches under way on
 * every broker, a (re)join starts afresh. Nothing is reported while the consumer is behind, crashed
 * or stopped, which a reader of the reports must take as "not known to be current".
 */
export function followCaughtUp(consumer: InstrumentedConsumer, report: (at: number) => void): void {
  const fetches = new Map<number, { startedAt: number; whole: boolean; caughtUpAt?: number }>();
  consumer.on(consumer.events.FETCH_START, ({ timestamp, payload }) => {
    const previous = fetches.get(payload.nodeId);
    const caughtUpAt = previous?.whole ? previous.startedAt : previous?.caughtUpAt;
    fetches.set(payload.nodeId, { startedAt: timestamp, whole: true, caughtUpAt });
    let oldest = Infinity;
    for (const fetch of fetches.values()) oldest = Math.min(oldest, fetch.caughtUpAt ?? -Infinity);
    if (oldest > -Infinity) report(oldest);
  });
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    if (Number(payload.offsetLag) > 0) for (const fetch of fetches.values()) fetch.whole = false;
  });
  consumer.on(consumer.events.GROUP_JOIN, () => fetches.clear());
}
