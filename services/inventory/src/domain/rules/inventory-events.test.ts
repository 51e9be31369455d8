import {
  createResourceBody,
  orgEventData,
  orgEventTypes,
  resourceEventData,
  resourceEventTypes,
  topics,
  type Blackout,
  type Org,
} from '@labshare/contracts';
import { describe, expect, it } from 'vitest';
import { orgEvent, resourceEvent } from './inventory-events';
import { newResource } from './resource-spec';

const now = new Date('2026-03-02T01:00:00.000Z');
const at = now.toISOString();
const org: Org = {
  id: 'org-1',
  name: 'Campus Lab',
  kind: 'university',
  version: 1,
  createdAt: at,
  updatedAt: at,
};
const resource = newResource(
  createResourceBody.parse({ orgId: 'org-1', kind: 'equipment', name: 'SEM' }),
  'res-1',
  now,
);
const blackout: Blackout = {
  id: 'bo-1',
  resourceId: 'res-1',
  start: '2026-03-03T00:00:00.000Z',
  end: '2026-03-04T00:00:00.000Z',
  reason: 'maintenance',
  createdAt: at,
};

describe('resourceEvent', () => {
  it.each([
    ['without a blackout', undefined, { resource }],
    ['with the blackout it is about', blackout, { resource, blackout }],
  ])(
    'when a resource event is raised %s, then it carries the snapshot keyed by the resource id',
    (_case, bo, data) => {
      const { topic, event } = resourceEvent(
        resourceEventTypes.updated,
        resource,
        { now, correlationId: 'c-1' },
        bo,
      );
      expect(topic).toBe(topics.resources);
      expect(event).toEqual(
        expect.objectContaining({
          source: 'labshare/inventory',
          type: resourceEventTypes.updated,
          subject: 'res-1',
          time: now.toISOString(),
          correlationid: 'c-1',
          data,
        }),
      );
      expect(resourceEventData.parse(event.data)).toEqual(event.data);
    },
  );
});

describe('orgEvent', () => {
  it.each(['created', 'updated'] as const)(
    'when an org is %s, then the event has that type and carries the org keyed by its id',
    (kind) => {
      const { topic, event } = orgEvent(kind, org, { now });
      expect(topic).toBe(topics.orgs);
      expect(event).toEqual(
        expect.objectContaining({
          source: 'labshare/inventory',
          type: orgEventTypes[kind],
          subject: 'org-1',
          time: now.toISOString(),
          data: { org },
        }),
      );
      expect(event).not.toHaveProperty('correlationid');
      expect(orgEventData.parse(event.data)).toEqual(event.data);
    },
  );
});
