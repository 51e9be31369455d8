import type { Resource } from '@labshare/contracts';
import { errors } from '@labshare/errors';

/** Retired resources are kept for history and read-only. */
export function refuseIfRetired(resource: Resource): void {
  if (resource.status === 'retired') {
    throw errors.conflict(
      `Resource ${resource.id} is retired and can no longer change.`,
      {},
      'resource_retired',
    );
  }
}
