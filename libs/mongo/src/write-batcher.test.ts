import { describe, expect, it } from 'vitest';
import { WriteBatcher } from './write-batcher';

function gatedWriter() {
  const calls: number[][] = [];
  const gates: (() => void)[] = [];
  const write = (items: number[]) =>
    new Promise<void>((resolve, reject) => {
      calls.push(items);
      gates.push(() => (items.includes(-1) ? reject(new Error('refused')) : resolve()));
    });
  return { calls, write, openNext: () => gates.shift()!() };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('WriteBatcher (group commit)', () => {
  it('when items arrive while a write is in flight, then the next write carries them all, and alone an item is written at once', async () => {
    const { calls, write, openNext } = gatedWriter();
    const batcher = new WriteBatcher(write);
    const first = batcher.add(1);
    const rest = [batcher.add(2), batcher.add(3), batcher.add(4)];
    expect(calls).toEqual([[1]]);
    openNext();
    await first;
    await settled();
    expect(calls).toEqual([[1], [2, 3, 4]]);
    openNext();
    await Promise.all(rest);
  });

  it('when a write fails, then exactly the callers it carried are told, and later items are still written', async () => {
    const { calls, write, openNext } = gatedWriter();
    const batcher = new WriteBatcher(write, 2);
    const first = batcher.add(0);
    const failing = [batcher.add(5), batcher.add(-1)];
    const after = batcher.add(6);
    openNext();
    await first;
    await settled();
    openNext();
    await expect(failing[0]).rejects.toThrow('refused');
    await expect(failing[1]).rejects.toThrow('refused');
    await settled();
    expect(calls).toEqual([[0], [5, -1], [6]]);
    openNext();
    await expect(after).resolves.toBeUndefined();
  });

  it('when the write returns an outcome per item, then each caller gets its own, and an Error outcome fails its caller alone', async () => {
    const batcher = new WriteBatcher<number, boolean>(async (items) =>
      items.map((n) => (n < 0 ? new Error(`item ${n} failed`) : n % 2 === 0)),
    );
    const outcomes = [batcher.add(2), batcher.add(3), batcher.add(-1), batcher.add(4)];
    await expect(outcomes[0]).resolves.toBe(true);
    await expect(outcomes[1]).resolves.toBe(false);
    await expect(outcomes[2]).rejects.toThrow('item -1 failed');
    await expect(outcomes[3]).resolves.toBe(true);
  });
});
