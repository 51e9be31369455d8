import { describe, expect, it } from 'vitest';
import { errors } from '@labshare/errors';
import { STALE, untilWritten } from './optimistic-write';

const noWait = async () => undefined;

describe('untilWritten', () => {
  it('when the first attempt writes, then its outcome is returned and nothing is retried', async () => {
    let calls = 0;
    const outcome = await untilWritten(async () => {
      calls++;
      return 'written';
    });
    expect([outcome, calls]).toEqual(['written', 1]);
  });

  it('when attempts lose their race, then the decision is made again until one writes', async () => {
    const waits: number[] = [];
    let calls = 0;
    const outcome = await untilWritten(async () => (++calls < 4 ? STALE : calls), {
      sleep: async (ms) => void waits.push(ms),
    });
    expect(outcome).toBe(4);
    expect(waits).toHaveLength(3);
    for (const [i, ms] of waits.entries()) expect(ms).toBeLessThanOrEqual(2 * (i + 1));
  });

  it('when every attempt is stale, then the default is a 409 concurrent_update after the budget', async () => {
    let calls = 0;
    const failing = untilWritten(async () => (calls++, STALE), { attempts: 3, sleep: noWait });
    await expect(failing).rejects.toMatchObject({ status: 409, code: 'concurrent_update' });
    expect(calls).toBe(3);
  });

  it('when the caller names the exhaustion error, then that one is thrown', async () => {
    const failing = untilWritten(async () => STALE, {
      attempts: 2,
      sleep: noWait,
      exhausted: () => errors.unavailable('too busy'),
    });
    await expect(failing).rejects.toMatchObject({ status: 503, code: 'unavailable' });
  });

  it('when an attempt throws, then the error goes to the caller at once', async () => {
    let calls = 0;
    const failing = untilWritten(async () => {
      calls++;
      throw errors.notFound('Thing');
    });
    await expect(failing).rejects.toMatchObject({ status: 404 });
    expect(calls).toBe(1);
  });
});
