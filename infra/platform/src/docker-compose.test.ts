import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * No container runtime runs here, so docker-compose.yml is checked as data: each service in a
 * container of its own (same image, its own command), with a health check and its dependencies,
 * behind one gateway; booking scalable by replicas.
 */
interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  ports?: string[];
  deploy?: { replicas?: number };
  healthcheck?: { test?: string[] };
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, unknown>;
}

const compose = parse(readFileSync(new URL('../../../docker-compose.yml', import.meta.url), 'utf8'), {
  merge: true,
}) as { services: Record<string, ComposeService> };
const { services } = compose;

describe('docker-compose.yml', () => {
  it.each(['inventory', 'booking', 'access', 'billing'])(
    'when %s is deployed, then it has a container of its own running its own entry, with a health check and its dependencies',
    (name) => {
      const service = services[name]!;
      expect(service.image).toBe('labshare:latest');
      expect(service.command).toEqual(['node', '--import', 'tsx', `services/${name}/src/start.ts`]);
      expect(service.healthcheck?.test?.join(' ')).toMatch(/readyz/);
      expect(Object.keys(service.depends_on ?? {}).sort()).toEqual(['kafka', 'mongo']);
      expect(service.environment).toMatchObject({
        MONGO_URL: expect.any(String),
        KAFKA_BROKERS: 'kafka:9092',
      });
    },
  );

  it('when the platform is deployed, then one gateway is the only public origin and waits for healthy services', () => {
    const { gateway } = services;
    expect(gateway?.command).toEqual(['node', '--import', 'tsx', 'infra/platform/src/gateway-main.ts']);
    expect(gateway?.ports).toEqual(['8080:8080']);
    expect(Object.entries(gateway?.depends_on ?? {})).toEqual(
      ['inventory', 'booking', 'access', 'billing'].map((s) => [s, { condition: 'service_healthy' }]),
    );
    const published = Object.entries(services).filter(
      ([name, s]) => s.ports && !['gateway', 'mongo', 'kafka'].includes(name),
    );
    expect(published).toEqual([]);
  });

  it('when booking needs more throughput, then it scales by replicas (no fixed host port or container name)', () => {
    expect(services.booking?.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(services.booking).not.toHaveProperty('container_name');
    expect(services.booking?.ports).toBeUndefined();
  });

  it('when a service reaches another, then it uses the service name (balanced over replicas)', () => {
    expect(services.inventory?.environment?.BOOKING_URL).toBe('http://booking:8082');
    expect(services.gateway?.environment).toMatchObject({ BOOKING_URL: 'http://booking:8082' });
  });
});
