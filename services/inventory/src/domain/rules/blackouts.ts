import { resourceEventTypes, type Blackout, type Resource } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { ResourceChange } from './resource-change';
import { refuseIfRetired } from './resource-status';

/** Blackouts live inside the resource document; this keeps it well under MongoDB's 16 MB. */
export const MAX_BLACKOUTS = 2000;

export type BlackoutKey = Pick<Blackout, 'start' | 'id'>;

/** Blackouts in start order (then id, so equal starts have a stable order for paging). */
export function byStart(a: BlackoutKey, b: BlackoutKey): number {
  return a.start.localeCompare(b.start) || a.id.localeCompare(b.id);
}

/** The resource with one more blackout; a retired or full resource refuses it. */
export function withBlackout(current: Resource, blackout: Blackout): ResourceChange {
  refuseIfRetired(current);
  if (current.blackouts.length >= MAX_BLACKOUTS) {
    throw errors.unprocessable(
      'too_many_blackouts',
      `A resource keeps at most ${MAX_BLACKOUTS} blackouts; remove old ones first.`,
    );
  }
  const blackouts = [...current.blackouts, blackout].sort(byStart);
  return { next: { ...current, blackouts }, type: resourceEventTypes.blackoutAdded, blackout };
}

/** The resource without the blackout `blackoutId` (404 when it has none of that id). */
export function withoutBlackout(current: Resource, blackoutId: string): ResourceChange & object {
  refuseIfRetired(current);
  const removed = current.blackouts.find((b) => b.id === blackoutId);
  if (!removed) throw errors.notFound(`Blackout ${blackoutId}`);
  const blackouts = current.blackouts.filter((b) => b.id !== blackoutId);
  return { next: { ...current, blackouts }, type: resourceEventTypes.blackoutRemoved, blackout: removed };
}
