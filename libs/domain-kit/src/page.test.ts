import { describe, expect, it } from 'vitest';
import { pageFrom, pageOf } from './page';

const keyOf = (n: number) => n;

describe('pageOf', () => {
  it('when the store holds more than a page, then one more is asked and the last served key is next', async () => {
    const asked: number[] = [];
    const page = await pageOf(
      { limit: 2 },
      async ({ limit }) => {
        asked.push(limit);
        return [1, 2, 3];
      },
      keyOf,
    );
    expect(asked).toEqual([3]);
    expect(page).toEqual({ items: [1, 2], next: 2 });
  });

  it('when the continuation key is given, then it reaches the fetch unchanged', async () => {
    let after: number | undefined;
    await pageOf(
      { limit: 5, after: 7 },
      async (request) => {
        after = request.after;
        return [];
      },
      keyOf,
    );
    expect(after).toBe(7);
  });
});

describe('pageFrom', () => {
  it.each([
    ['fewer items than the limit', [1], 2, { items: [1] }],
    ['exactly the limit (no extra item)', [1, 2], 2, { items: [1, 2] }],
    ['one more than the limit', [1, 2, 3], 2, { items: [1, 2], next: 2 }],
    ['nothing at all', [], 2, { items: [] }],
  ])(
    'when the store found %s, then the page is cut and next set accordingly',
    (_name, found, limit, page) => {
      expect(pageFrom(found, limit, keyOf)).toEqual(page);
    },
  );
});
