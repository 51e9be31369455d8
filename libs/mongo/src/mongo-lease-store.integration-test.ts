import { describe, expect, it } from 'vitest';
import { createLogger } from '@labshare/logging';
import { Scheduler } from '@labshare/scheduler';
import { waitFor } from '@labshare/testkit';
import { MongoLeaseStore } from './mongo-lease-store';
import { testDatabase } from './test-database';

describe('scheduled jobs on several replicas', () => {
  const db = testDatabase('lease');

  it('when two replicas schedule the same job, then one holder runs every tick, and the other takes over when it stops', async () => {
    const runs: string[] = [];
    const logger = createLogger({ service: 'lease-test', level: 'silent' });
    const replica = (name: string) =>
      new Scheduler({
        jobs: [{ name: 'tick', cron: '* * * * * *', run: async () => void runs.push(name) }],
        leases: new MongoLeaseStore(db()),
        logger,
        leaseMs: 10_000,
      });
    const a = replica('a');
    const b = replica('b');
    a.start();
    b.start();
    await waitFor(() => runs.length >= 3, { what: 'three ticks', timeoutMs: 15_000 });
    const first = runs[0]!;
    expect(new Set(runs)).toEqual(new Set([first]));

    const [holder, other] = first === 'a' ? [a, b] : [b, a];
    const otherName = first === 'a' ? 'b' : 'a';
    await holder.stop();
    await waitFor(() => runs.includes(otherName), {
      what: 'the other replica takes over',
      timeoutMs: 15_000,
    });
    await other.stop();
  }, 40_000);
});
