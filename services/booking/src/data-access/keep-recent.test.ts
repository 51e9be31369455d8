import { describe, expect, it } from 'vitest';
import { keepRecent } from './keep-recent';

describe('keepRecent', () => {
  const never = () => false;

  it('when an entry is kept again, then it becomes the most recent', () => {
    const map = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    keepRecent(map, 'a', 3, { max: 10, stale: never });
    expect([...map]).toEqual([
      ['b', 2],
      ['a', 3],
    ]);
  });

  it('when more than max are held, then the oldest go', () => {
    const map = new Map<string, number>();
    for (const key of ['a', 'b', 'c', 'd']) keepRecent(map, key, 0, { max: 2, stale: never });
    expect([...map.keys()]).toEqual(['c', 'd']);
  });

  it('when the oldest entries are stale, then they go, up to the first one that is not', () => {
    const map = new Map([
      ['a', 1],
      ['b', 9],
      ['c', 1],
    ]);
    keepRecent(map, 'd', 9, { max: 10, stale: (v) => v < 5 });
    expect([...map.keys()]).toEqual(['b', 'c', 'd']);
  });

  it('when entries go, then each is told to `dropped`, oldest first', () => {
    const map = new Map([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    const dropped: number[] = [];
    keepRecent(map, 'd', 4, { max: 2, stale: never, dropped: (v) => dropped.push(v) });
    expect(dropped).toEqual([1, 2]);
  });
});
