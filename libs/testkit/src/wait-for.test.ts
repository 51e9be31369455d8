import { describe, expect, it } from 'vitest';
import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('when the probe keeps failing, then the timeout names its latest error', async () => {
    let attempt = 0;
    const waiting = waitFor(
      () => {
        attempt++;
        throw new Error(`refused ${attempt}`);
      },
      { timeoutMs: 30, intervalMs: 5, what: 'the answer' },
    );
    await expect(waiting).rejects.toThrow(/^Timed out waiting for the answer: Error: refused \d+$/);
    await expect(waiting).rejects.toThrow(`refused ${attempt}`);
  });

  it('when the probe failed once and then answers "not yet", then the timeout names no stale error', async () => {
    let attempt = 0;
    const waiting = waitFor(
      () => {
        if (++attempt === 1) throw new Error('connection refused');
        return false;
      },
      { timeoutMs: 30, intervalMs: 5, what: 'the answer' },
    );
    await expect(waiting).rejects.toThrow(/^Timed out waiting for the answer$/);
  });
});
