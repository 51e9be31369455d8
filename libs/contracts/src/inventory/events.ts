import { z } from '../zod';
import { org } from './org';
import { blackout, resource } from './resource';

/**
 * Events of inventory. Each carries the FULL snapshot with its `version`, so a consumer keeps an
 * exact read model from the stream alone: store the snapshot when `isNewerVersion`, else ignore.
 */
export const orgEventTypes = { created: 'org.created.v1', updated: 'org.updated.v1' } as const;
export const orgEventData = z.object({ org });
export type OrgEventData = z.infer<typeof orgEventData>;

export const resourceEventTypes = {
  created: 'resource.created.v1',
  updated: 'resource.updated.v1',
  retired: 'resource.retired.v1',
  blackoutAdded: 'resource.blackout-added.v1',
  blackoutRemoved: 'resource.blackout-removed.v1',
} as const;
export type ResourceEventType = (typeof resourceEventTypes)[keyof typeof resourceEventTypes];

/** Data of every resource event; the blackout events also name the blackout added or removed. */
export const resourceEventData = z.object({ resource, blackout: blackout.optional() });
export type ResourceEventData = z.infer<typeof resourceEventData>;

/**
 * Whether a snapshot with version `incoming` should replace the one a read model holds. Delivery is
 * at least once and may repeat old events: a consumer that sees an older (or the same) version ignores it.
 */
export function isNewerVersion(held: number | undefined, incoming: number): boolean {
  return held === undefined || incoming > held;
}
