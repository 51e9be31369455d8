import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyDefaults } from '@labshare/contracts';
import { startInventory, type Inventory } from './support/inventory-harness';

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, { properties?: Record<string, { $ref?: string }>; required?: string[] }>;
  };
}

describe('GET /openapi.json', () => {
  let inv: Inventory;
  let document: OpenApiDocument;
  beforeAll(async () => {
    inv = await startInventory();
    const reply = await inv.http.anonymous.get('/openapi.json');
    expect(reply.status).toBe(200);
    document = reply.body;
  });
  afterAll(() => inv.stop());

  it('when fetched, then it lists every inventory path and method', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'post /v1/orgs',
        'get /v1/orgs',
        'get /v1/orgs/{id}',
        'patch /v1/orgs/{id}',
        'post /v1/resources',
        'get /v1/resources',
        'post /v1/resources/import',
        'get /v1/resources/{id}',
        'patch /v1/resources/{id}',
        'delete /v1/resources/{id}',
        'post /v1/resources/{id}/blackouts',
        'get /v1/resources/{id}/blackouts',
        'delete /v1/resources/{id}/blackouts/{blackoutId}',
      ].sort(),
    );
  });

  it('when fetched, then the Resource schema carries the booking policy with every field required', () => {
    const { schemas } = document.components;
    expect(schemas.Resource?.properties?.policy?.$ref).toBe('#/components/schemas/BookingPolicy');
    expect(schemas.BookingPolicy?.required?.sort()).toEqual(Object.keys(policyDefaults).sort());
    expect(Object.keys(schemas.Resource?.properties ?? {})).toEqual(
      expect.arrayContaining(['openingHours', 'rates', 'blackouts', 'version', 'status']),
    );
  });
});
