import type { Resource } from '@labshare/contracts';
import { dayAt as at } from '@labshare/testkit';
import type { BenchApi } from './bench-client';
import { measure, type Run } from './measure';

/**
 * `count` bookings of one resource by `clients` at once (a popular instrument as its bookings open):
 * request i books unit i mod `units` of its own 15 minutes, so every request is a success, sent
 * through `apis` in turn (replicas of booking). Returns the run and the statuses answered.
 */
export async function bookOneResource(
  apis: BenchApi[],
  resource: Resource,
  token: string,
  options: { count: number; clients: number },
): Promise<{ run: Run; statuses: Map<number, number> }> {
  const statuses = new Map<number, number>();
  const run = await measure(options.count, options.clients, async (i) => {
    const slot = Math.floor(i / resource.capacity);
    const answer = await apis[i % apis.length]!('POST', '/v1/bookings', {
      token,
      body: { resourceId: resource.id, start: at(5, 0, slot * 15), end: at(5, 0, slot * 15 + 15) },
    });
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  });
  return { run, statuses };
}
