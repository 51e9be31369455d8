import type { CreationKey, PageRequest } from './ports';

export interface ListPage<T> {
  items: T[];
  /** Key of the last item when more may follow. */
  next: CreationKey | undefined;
}

/** Fetches one more item than asked to learn whether another page follows. */
export async function pageOf<T extends CreationKey>(
  page: PageRequest,
  fetch: (page: PageRequest) => Promise<T[]>,
): Promise<ListPage<T>> {
  const found = await fetch({ ...page, limit: page.limit + 1 });
  const items = found.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items,
    next: found.length > page.limit && last ? { createdAt: last.createdAt, id: last.id } : undefined,
  };
}
