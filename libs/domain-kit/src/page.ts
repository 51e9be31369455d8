/**
 * Paging as every service's domain does it: lists run in a stable order, and a page continues after
 * the sort key of the last item served. The edge turns that key into an opaque cursor and back
 * (`cursorCodec` in @labshare/http), checking it against the key's schema.
 */
export interface PageRequest<K> {
  limit: number;
  /** Key of the last item of the previous page. */
  after?: K;
}

export interface ListPage<T, K> {
  items: T[];
  /** Key of the last item, when more items follow. */
  next?: K;
}

/** Fetches one item more than asked, to learn whether another page follows without a count. */
export async function pageOf<T, K>(
  page: PageRequest<K>,
  fetch: (request: PageRequest<K>) => Promise<T[]>,
  keyOf: (item: T) => K,
): Promise<ListPage<T, K>> {
  const found = await fetch({ ...page, limit: page.limit + 1 });
  return pageFrom(found, page.limit, keyOf);
}

/** The page of `limit` items out of `found` (which holds up to one more), with the next key if any. */
export function pageFrom<T, K>(found: T[], limit: number, keyOf: (item: T) => K): ListPage<T, K> {
  const items = found.slice(0, limit);
  const last = items.at(-1);
  return found.length > limit && last !== undefined ? { items, next: keyOf(last) } : { items };
}
