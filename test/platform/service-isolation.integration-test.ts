import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive } from '@labshare/local-infra';
import { tokenFor, waitFor } from '@labshare/testkit';
import { DEV_SECRET } from '../../infra/platform/src/dev-secret';
import { startPlatform, type RunningPlatform } from '../support/platform-process';

const admin = tokenFor({ sub: 'isolation-admin', org: 'zone', roles: ['admin'] }, DEV_SECRET);

/** How long one call through the gateway takes, and its status (0 when it did not answer in time). */
async function timed(url: string, timeoutMs = 3000) {
  const started = performance.now();
  const status = await fetch(url, {
    headers: { authorization: admin },
    signal: AbortSignal.timeout(timeoutMs),
  }).then(
    (r) => r.status,
    () => 0,
  );
  return { status, ms: performance.now() - started };
}

/**
 * Hostile input, class 1: each service runs in a process of its own under npm start's supervisor,
 * so a service that stops answering (frozen, as a CPU loop would leave it) or dies leaves the
 * others answering, and a dead one comes back by itself.
 */
describe('one process per service', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'labshare-isolation-'));
  let platform: RunningPlatform;
  beforeAll(async () => {
    platform = await startPlatform(dataDir);
  }, 180_000);
  afterAll(async () => {
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('when booking is frozen, then inventory and the gateway keep answering within 200 ms; thawed, booking answers again', async () => {
    const booking = platform.servicePids().booking!;
    process.kill(booking, 'SIGSTOP');
    try {
      expect((await timed(`${platform.url}/v1/bookings`, 1500)).status).toBe(0);
      for (let i = 0; i < 5; i++) {
        const inventory = await timed(`${platform.url}/v1/orgs`);
        expect(inventory.status).toBe(200);
        expect(inventory.ms).toBeLessThan(200);
      }
      expect((await timed(`${platform.url}/healthz`)).ms).toBeLessThan(200);
    } finally {
      process.kill(booking, 'SIGCONT');
    }
    await waitFor(async () => (await timed(`${platform.url}/v1/bookings`)).status === 200, {
      what: 'booking thawed',
    });
  });

  it('when inventory is killed, then booking keeps answering and inventory comes back by itself', async () => {
    const before = platform.servicePids().inventory!;
    process.kill(before, 'SIGKILL');
    await waitFor(() => !isAlive(before), { what: 'inventory gone' });
    expect((await timed(`${platform.url}/v1/bookings`)).status).toBe(200);
    await waitFor(async () => (await fetch(`${platform.url}/readyz`)).status === 200, {
      timeoutMs: 90_000,
      intervalMs: 250,
      what: 'the platform ready again',
    });
    expect(platform.servicePids().inventory).not.toBe(before);
    expect((await timed(`${platform.url}/v1/orgs`)).status).toBe(200);
  }, 120_000);
});
