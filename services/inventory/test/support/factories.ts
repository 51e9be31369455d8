import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { callers } from './callers';
import type { HttpClient } from './http-client';

/** One data factory per entity: each test makes its own organisations and resources. */

export function anOrg(overrides: Record<string, unknown> = {}) {
  return { name: `Test University ${randomUUID().slice(0, 8)}`, kind: 'university', ...overrides };
}

export function aResource(orgId: string, overrides: Record<string, unknown> = {}) {
  return {
    orgId,
    kind: 'equipment',
    name: `Field-emission SEM ${randomUUID().slice(0, 6)}`,
    description: 'Field-emission SEM with EDS',
    location: { campus: 'Main campus', building: 'Materials', room: 'B-103' },
    openingHours: [{ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', start: '08:30', end: '17:30' }],
    policy: { slotMinutes: 30, minMinutes: 60, maxMinutes: 240 },
    rates: { perHour: { internal: 0, university: 30000, enterprise: 80000 } },
    requiredQualifications: ['sem-operator'],
    ...overrides,
  };
}

export async function createOrg(http: HttpClient, overrides: Record<string, unknown> = {}) {
  const reply = await http.as(callers.admin()).post('/v1/orgs', anOrg(overrides));
  expect(reply.status).toBe(201);
  return reply.body as { id: string; name: string; kind: string; version: number };
}

export async function createResource(
  http: HttpClient,
  orgId: string,
  overrides: Record<string, unknown> = {},
) {
  const reply = await http.as(callers.orgAdmin(orgId)).post('/v1/resources', aResource(orgId, overrides));
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { id: string; version: number } & Record<string, unknown>;
}

interface DemoData {
  orgs: { key: string; name: string; kind: string }[];
  resources: ({ org: string } & Record<string, unknown>)[];
}

/** The Lingang demo data of the repository (CONTRACT request shapes; `org` names an org by key). */
export function demoData(): DemoData {
  return JSON.parse(
    readFileSync(new URL('../../../../infra/platform/seed/lingang-demo.json', import.meta.url), 'utf8'),
  );
}
