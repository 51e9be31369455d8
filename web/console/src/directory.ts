import { api } from './api';
import type { Org, Page, Resource } from './api-types';

// Organisations and resources change rarely: fetched once per sign-in and shared by every page.
let orgs: Promise<Map<string, Org>> | undefined;
const resources = new Map<string, Promise<Resource>>();

export function orgDirectory(): Promise<Map<string, Org>> {
  orgs ??= api<Page<Org>>('GET', '/v1/orgs?limit=500').then((p) => new Map(p.items.map((o) => [o.id, o])));
  return orgs;
}

/** The orgs of the directory as choices, by name. */
export function orgOptions(directory: Map<string, Org> | undefined): { value: string; label: string }[] {
  return [...(directory?.values() ?? [])].map((o) => ({ value: o.id, label: o.name }));
}

export function resourceById(id: string): Promise<Resource> {
  let found = resources.get(id);
  if (!found) {
    found = api<Resource>('GET', `/v1/resources/${encodeURIComponent(id)}`);
    resources.set(id, found);
  }
  return found;
}

/** Resources by id for a list of records naming them (bookings, statement lines). */
export async function resourcesById(ids: string[]): Promise<Map<string, Resource>> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map((id) => resourceById(id).catch(() => undefined)));
  return new Map(found.filter((r): r is Resource => !!r).map((r) => [r.id, r]));
}

export function forgetDirectory(): void {
  orgs = undefined;
  resources.clear();
}
