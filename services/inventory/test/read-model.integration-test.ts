import fc from 'fast-check';
import { topics } from '@labshare/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingStub } from './support/booking-stub';
import { callers } from './support/callers';
import { eventTap, waitFor, type EventTap } from '@labshare/testkit';
import { aResource, createOrg } from './support/factories';
import type { HttpClient } from './support/http-client';
import { startInventory, type Inventory } from './support/inventory-harness';
import { ResourceReadModel } from './support/resource-read-model';

/** Commands a provider can issue; `target` picks one of the resources made so far. */
type Command =
  | { kind: 'create'; shared: boolean }
  | { kind: 'patch'; target: number; patch: Record<string, unknown> }
  | { kind: 'retire'; target: number }
  | { kind: 'addBlackout'; target: number; day: number; hours: number }
  | { kind: 'removeBlackout'; target: number; which: number };

const openingHourSets = [
  [],
  [{ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', start: '08:00', end: '18:00' }],
  [
    { rrule: 'FREQ=DAILY', start: '08:00', end: '12:00' },
    { rrule: 'FREQ=WEEKLY;BYDAY=SA', start: '13:00', end: '24:00' },
  ],
];

const patchArb = fc.record(
  {
    name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
    capacity: fc.integer({ min: 1, max: 50 }),
    shared: fc.boolean(),
    openingHours: fc.constantFrom(...openingHourSets),
    policy: fc.record(
      { maxMinutes: fc.integer({ min: 8, max: 32 }).map((n) => n * 30) },
      { requiredKeys: [] },
    ),
    rates: fc.record({ perHour: fc.record({ enterprise: fc.nat(200_000) }) }),
    requiredQualifications: fc.subarray(['laser-safety', 'sem-operator', 'biosafety-2']),
    quota: fc.record({ hoursPerWeek: fc.integer({ min: 1, max: 40 }) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), shared: fc.boolean() }),
  fc.record({ kind: fc.constant('patch' as const), target: fc.nat(), patch: patchArb }),
  fc.record({ kind: fc.constant('retire' as const), target: fc.nat() }),
  fc.record({
    kind: fc.constant('addBlackout' as const),
    target: fc.nat(),
    day: fc.integer({ min: 1, max: 28 }),
    hours: fc.integer({ min: 1, max: 48 }),
  }),
  fc.record({ kind: fc.constant('removeBlackout' as const), target: fc.nat(), which: fc.nat() }),
);

/** Runs one command as the owning org_admin; a retired resource refusing a change is part of the game. */
async function run(http: HttpClient, orgId: string, ids: string[], command: Command): Promise<void> {
  const as = http.as(callers.orgAdmin(orgId));
  const target = 'target' in command ? ids[command.target % ids.length] : undefined;
  let reply;
  switch (command.kind) {
    case 'create':
      reply = await as.post('/v1/resources', aResource(orgId, { shared: command.shared }));
      ids.push(reply.body.id);
      break;
    case 'patch':
      reply = await as.patch(`/v1/resources/${target}`, command.patch);
      break;
    case 'retire':
      reply = await as.delete(`/v1/resources/${target}`);
      break;
    case 'addBlackout': {
      const start = new Date(Date.UTC(2027, 0, command.day, 8));
      const end = new Date(start.getTime() + command.hours * 3_600_000);
      reply = await as.post(`/v1/resources/${target}/blackouts`, { start, end, reason: 'maintenance' });
      break;
    }
    case 'removeBlackout': {
      const { blackouts } = (await as.get(`/v1/resources/${target}`)).body as { blackouts: { id: string }[] };
      const victim = blackouts[command.which % Math.max(blackouts.length, 1)];
      if (!victim) return;
      reply = await as.delete(`/v1/resources/${target}/blackouts/${victim.id}`);
      break;
    }
  }
  const retiredRefusal = reply.status === 409 && reply.body.code === 'resource_retired';
  expect([200, 201].includes(reply.status) || retiredRefusal, JSON.stringify(reply.body)).toBe(true);
}

/** A deterministic shuffle, so a failing run replays the same redelivery order. */
function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0 || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe('the resource event stream rebuilds inventory', () => {
  let inv: Inventory;
  let booking: Awaited<ReturnType<typeof bookingStub>>;
  let stream: EventTap;
  const readModel = new ResourceReadModel();
  beforeAll(async () => {
    booking = await bookingStub();
    inv = await startInventory({ BOOKING_URL: booking.url });
    stream = await eventTap(inv.env, [topics.orgs, topics.resources], (event) => readModel.apply(event));
  });
  afterAll(async () => {
    await stream.stop();
    await inv.stop();
    await booking.close();
  });

  it('when random create, update, retire and blackout sequences run, then a read model fed only by events equals GET, even after redeliveries', async () => {
    await fc.assert(
      fc.asyncProperty(
        commandArb,
        fc.array(commandArb, { maxLength: 14 }),
        fc.integer(),
        async (first, rest, seed) => {
          const orgId = (await createOrg(inv.http)).id;
          const ids: string[] = [];
          for (const command of [{ kind: 'create', shared: true } as const, first, ...rest]) {
            await run(inv.http, orgId, ids, command);
          }
          const truth = await Promise.all(
            ids.map(async (id) => (await inv.http.as(callers.admin()).get(`/v1/resources/${id}`)).body),
          );
          await waitFor(() => truth.every((r) => readModel.get(r.id)?.version === r.version), {
            what: 'read model caught up',
          });
          for (const resource of truth) expect(readModel.get(resource.id)).toEqual(resource);

          const delivered = stream.all.filter((e) => ids.includes(e.subject));
          for (const event of [...shuffled(delivered, seed), ...delivered.reverse()]) readModel.apply(event);
          for (const resource of truth) expect(readModel.get(resource.id)).toEqual(resource);
        },
      ),
      { numRuns: 8 },
    );
  });
});
