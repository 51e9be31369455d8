import { describe, expect, it } from 'vitest';
import { KeyedBatches } from './keyed-batches';

const later = () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { gate, release };
};

/** Batches that record what each batch held, waiting for `gate` when one is given for the key. */
function recording(max: number, gates: Map<string, Promise<void>> = new Map()) {
  const batches: string[][] = [];
  const batcher = new KeyedBatches<string, string>(async (key, items) => {
    batches.push([key, ...items]);
    await gates.get(key);
    if (items.includes('boom')) throw new Error('boom');
    return items.map((item) => `${item}!`);
  }, max);
  return { batcher, batches };
}

describe('KeyedBatches', () => {
  it('when items arrive while a batch of their key runs, then the next batch takes them together, in order, and each gets its own answer', async () => {
    const first = later();
    const { batcher, batches } = recording(10, new Map([['a', first.gate]]));
    const answers = ['a1', 'a2', 'a3', 'a4'].map((item) => batcher.add('a', item));
    first.release();
    expect(await Promise.all(answers)).toEqual(['a1!', 'a2!', 'a3!', 'a4!']);
    expect(batches).toEqual([
      ['a', 'a1'],
      ['a', 'a2', 'a3', 'a4'],
    ]);
  });

  it('when more are waiting than a batch may hold, then they go in batches of at most that many', async () => {
    const first = later();
    const { batcher, batches } = recording(2, new Map([['a', first.gate]]));
    const answers = ['a1', 'a2', 'a3', 'a4', 'a5'].map((item) => batcher.add('a', item));
    first.release();
    await Promise.all(answers);
    expect(batches.map((b) => b.length - 1)).toEqual([1, 2, 2]);
  });

  it('when a key is busy, then another key does not wait for it', async () => {
    const blocked = later();
    const { batcher } = recording(10, new Map([['a', blocked.gate]]));
    const a = batcher.add('a', 'a1');
    expect(await batcher.add('b', 'b1')).toBe('b1!');
    blocked.release();
    expect(await a).toBe('a1!');
  });

  it('when a batch fails, then its items get the error and the key goes on to the next batch', async () => {
    const first = later();
    const { batcher } = recording(10, new Map([['a', first.gate]]));
    const failed = [batcher.add('a', 'boom')];
    const next = batcher.add('a', 'a2');
    first.release();
    await expect(failed[0]).rejects.toThrow('boom');
    await expect(next).resolves.toBe('a2!');
    expect(await batcher.add('a', 'a3')).toBe('a3!');
  });
});
