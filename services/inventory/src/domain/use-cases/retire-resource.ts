import { resourceEventTypes, type Principal, type Resource } from '@labshare/contracts';
import type { InventoryDeps } from '../ports';
import { changeResource } from '../support/change-resource';

/** Retiring keeps the document and its history; no new bookings. Retiring twice changes nothing. */
export async function retireResource(deps: InventoryDeps, caller: Principal, id: string): Promise<Resource> {
  const { resource } = await changeResource(deps, caller, id, (current) =>
    current.status === 'retired'
      ? undefined
      : { next: { ...current, status: 'retired' }, type: resourceEventTypes.retired },
  );
  return resource;
}
