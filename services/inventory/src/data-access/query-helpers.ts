import type { CreationKey } from '../domain/ports';

/** Documents after `key` in (createdAt, _id) order: the continuation of a list page. */
export function afterKey(key: CreationKey) {
  const createdAt = new Date(key.createdAt);
  return { $or: [{ createdAt: { $gt: createdAt } }, { createdAt, _id: { $gt: key.id } }] };
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
