import type { ResourceAvailability } from '@labshare/contracts';
import { describe, expect, it } from 'vitest';
import { AnswerCache } from './answer-cache';

const answer = (pieces: number): ResourceAvailability => ({
  resourceId: 'res-1',
  timezone: 'Asia/Shanghai',
  free: Array.from({ length: pieces }, (_, i) => ({
    start: new Date(i * 3_600_000).toISOString(),
    end: new Date((i + 1) * 3_600_000).toISOString(),
    available: 1,
  })),
});

describe('AnswerCache', () => {
  it('when the same key is asked again, then the answer made the first time is handed out, frozen', () => {
    const cache = new AnswerCache(100);
    let made = 0;
    const make = () => (made++, answer(3));
    const first = cache.remember('k', make);
    expect(cache.remember('k', make)).toBe(first);
    expect(made).toBe(1);
    expect(Object.isFrozen(first) && Object.isFrozen(first.free) && Object.isFrozen(first.free[0])).toBe(
      true,
    );
  });

  it('when the pieces held pass the bound, then the least recently used answers go first', () => {
    const cache = new AnswerCache(10); // each answer below weighs 1 + 3 pieces
    const a = cache.remember('a', () => answer(3));
    const b = cache.remember('b', () => answer(3));
    expect(cache.remember('a', () => answer(3))).toBe(a); // a used last: b is now the oldest
    const c = cache.remember('c', () => answer(3)); // 12 > 10: b goes
    expect(cache.remember('a', () => answer(3))).toBe(a);
    expect(cache.remember('c', () => answer(3))).toBe(c);
    expect(cache.remember('b', () => answer(3))).not.toBe(b);
  });

  it('when an answer alone is larger than the bound, or the bound is 0, then it is handed out but not held', () => {
    for (const [bound, pieces] of [
      [5, 5],
      [0, 0],
    ] as const) {
      const cache = new AnswerCache(bound);
      const first = cache.remember('k', () => answer(pieces));
      expect(cache.remember('k', () => answer(pieces))).not.toBe(first);
    }
  });
});
