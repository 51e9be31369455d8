import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './keyed-queue';

const later = () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { gate, release };
};

describe('KeyedQueue', () => {
  it('when work on one key is running, then the next on that key waits for it, and other keys do not', async () => {
    const queue = new KeyedQueue();
    const order: string[] = [];
    const first = later();
    const a1 = queue.run('a', async () => {
      await first.gate;
      order.push('a1');
    });
    const a2 = queue.run('a', async () => {
      order.push('a2');
    });
    await queue.run('b', async () => {
      order.push('b');
    });
    expect(order).toEqual(['b']);
    first.release();
    await Promise.all([a1, a2]);
    expect(order).toEqual(['b', 'a1', 'a2']);
  });

  it('when work fails, then only its caller sees the error and the next work on the key still runs', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('a', () => Promise.reject(new Error('boom')));
    const next = queue.run('a', async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });
});
