import type { Blackout, Resource, ResourceEventType } from '@labshare/contracts';

/** What a decision on a resource wants written; `undefined` when nothing changes (no write, no event). */
export type ResourceChange = { next: Resource; type: ResourceEventType; blackout?: Blackout } | undefined;
