import type { CreationKey } from '../ports';

/** The list key of a record: lists run in creation order, ties broken by id. */
export function creationKeyOf(item: { createdAt: string; id: string }): CreationKey {
  return { createdAt: item.createdAt, id: item.id };
}
