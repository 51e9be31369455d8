import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as access from '@labshare/access';
import * as billing from '@labshare/billing';
import * as booking from '@labshare/booking';
import * as inventory from '@labshare/inventory';
import type { RunningService } from '@labshare/runtime';
import { testEnv } from '@labshare/testkit';

/** Every service's served OpenAPI document, as a client generator or an API gateway would load it. */
describe('OpenAPI documents against the official validator', () => {
  const services: RunningService[] = [];
  beforeAll(async () => {
    const env = testEnv();
    services.push(
      await inventory.start(inventory.loadConfig(env)),
      await booking.start(booking.loadConfig(env)),
      await access.start(access.loadConfig(env)),
      await billing.start(billing.loadConfig(env)),
    );
  });
  afterAll(() => Promise.all(services.map((s) => s.stop())));

  it.each(['inventory', 'booking', 'access', 'billing'])(
    'when %s serves /openapi.json, then it is a valid OpenAPI 3.1 document whose errors are problem+json',
    async (name) => {
      const service = services.find((s) => s.name === name)!;
      const document = (await (await fetch(`${service.url}/openapi.json`)).json()) as {
        openapi: string;
        paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
      };
      await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
      expect(document.openapi).toBe('3.1.0');
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          expect(operation.responses['400']?.content, `${method} ${path}`).toHaveProperty([
            'application/problem+json',
          ]);
        }
      }
    },
  );
});
