import { org as orgSchema, resource as resourceSchema, type Org, type Resource } from '@labshare/contracts';
import { errors } from '@labshare/errors';

/**
 * Reads through to inventory's API when the read model has not caught up yet (a resource is bookable
 * the moment its creation returned 201). Uses the caller's own token: what the caller may not see in
 * inventory, it cannot book either.
 */
export class InventoryClient {
  constructor(private readonly baseUrl: string) {}

  resource(id: string, authorization: string): Promise<Resource | undefined> {
    return this.fetchOne(`/v1/resources/${encodeURIComponent(id)}`, authorization, (body) =>
      resourceSchema.parse(body),
    );
  }

  org(id: string, authorization: string): Promise<Org | undefined> {
    return this.fetchOne(`/v1/orgs/${encodeURIComponent(id)}`, authorization, (body) =>
      orgSchema.parse(body),
    );
  }

  private async fetchOne<T>(
    path: string,
    authorization: string,
    parse: (body: unknown) => T,
  ): Promise<T | undefined> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        headers: { authorization, accept: 'application/json' },
        signal: AbortSignal.timeout(5000),
      });
    } catch (cause) {
      throw errors.unavailable('The inventory service did not answer.', { cause });
    }
    if (response.status === 404 || response.status === 403) return undefined;
    if (!response.ok) throw errors.unavailable(`The inventory service answered ${response.status}.`);
    return parse(await response.json());
  }
}
