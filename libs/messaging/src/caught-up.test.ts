import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { followCaughtUp, type InstrumentedConsumer } from './caught-up';

const events = {
  FETCH_START: 'consumer.fetch_start',
  END_BATCH_PROCESS: 'consumer.end_batch_process',
  GROUP_JOIN: 'consumer.group_join',
};

/** A consumer's instrumentation events, emitted by the test as kafkajs's fetch loop would. */
function fakeConsumer() {
  const emitter = new EventEmitter();
  const consumer = {
    events,
    on: (name: string, listener: (event: unknown) => void) => {
      emitter.on(name, listener);
      return () => emitter.off(name, listener);
    },
  } as unknown as InstrumentedConsumer;
  const reports: number[] = [];
  followCaughtUp(consumer, (at) => reports.push(at));
  return {
    reports,
    fetch: (nodeId: number, timestamp: number) =>
      emitter.emit(events.FETCH_START, { timestamp, payload: { nodeId } }),
    batch: (offsetLag: number) =>
      emitter.emit(events.END_BATCH_PROCESS, { timestamp: 0, payload: { offsetLag: String(offsetLag) } }),
    join: () => emitter.emit(events.GROUP_JOIN, { timestamp: 0, payload: {} }),
  };
}

describe('followCaughtUp', () => {
  it('when a fetch from the only broker is followed by the next, then the first fetch start is reported', () => {
    const consumer = fakeConsumer();
    consumer.fetch(1, 100);
    expect(consumer.reports).toEqual([]);
    consumer.batch(0);
    consumer.fetch(1, 200);
    consumer.fetch(1, 300);
    expect(consumer.reports).toEqual([100, 200]);
  });

  it('when a batch ended behind the high watermark, then its fetch reports nothing and the last whole one stands', () => {
    const consumer = fakeConsumer();
    consumer.fetch(1, 100);
    consumer.fetch(1, 200);
    consumer.batch(5);
    consumer.fetch(1, 300);
    consumer.batch(0);
    consumer.fetch(1, 400);
    expect(consumer.reports).toEqual([100, 100, 300]);
  });

  it('when two brokers are fetched from, then the older of their whole fetches is reported, once each has one', () => {
    const consumer = fakeConsumer();
    consumer.fetch(1, 100);
    consumer.fetch(2, 110);
    consumer.fetch(1, 200);
    expect(consumer.reports).toEqual([]);
    consumer.fetch(2, 210);
    consumer.fetch(1, 300);
    expect(consumer.reports).toEqual([100, 110]);
  });

  it('when the consumer joins its group again, then nothing is reported until a whole fetch after it', () => {
    const consumer = fakeConsumer();
    consumer.fetch(1, 100);
    consumer.fetch(1, 200);
    consumer.join();
    consumer.fetch(1, 300);
    expect(consumer.reports).toEqual([100]);
    consumer.fetch(1, 400);
    expect(consumer.reports).toEqual([100, 300]);
  });
});
