import { isNewerVersion, resourceEventData, type EventEnvelope, type Resource } from '@labshare/contracts';

/**
 * What booking, access or billing keep of inventory: the newest snapshot per resource, from the
 * events alone. Older and repeated events are ignored by version, so redelivery cannot roll it back.
 */
export class ResourceReadModel {
  private readonly resources = new Map<string, Resource>();

  apply(event: EventEnvelope): void {
    if (!event.type.startsWith('resource.')) return;
    const { resource } = resourceEventData.parse(event.data);
    if (isNewerVersion(this.resources.get(resource.id)?.version, resource.version))
      this.resources.set(resource.id, resource);
  }

  get(id: string): Resource | undefined {
    return this.resources.get(id);
  }
}
