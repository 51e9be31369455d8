import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingEventTypes, type Resource } from '@labshare/contracts';
import { bookingSnapshot, TEST_JWT_SECRET, waitFor } from '@labshare/testkit';
import {
  makeOrg,
  makeResource,
  startAccessService,
  type AccessHarness,
  type TestOrg,
} from './access-fixture';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const MINUTE = 60_000;

/** Runs an npm script as a person would; resolves with its exit code and output. */
async function npm(script: string, args: string[]) {
  try {
    const { stdout } = await run('npm', ['run', '--silent', script, '--', ...args], {
      cwd: repoRoot,
      env: { ...process.env, AUTH_JWT_SECRET: TEST_JWT_SECRET },
    });
    return { code: 0, out: stdout.trim() };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: `${failed.stdout}${failed.stderr}`.trim() };
  }
}

describe('the reference device (npm run device) and a device token from npm run token', () => {
  let h: AccessHarness;
  let provider: TestOrg;
  let consumer: TestOrg;
  let resource: Resource;
  let deviceToken: string;
  const stateDir = mkdtempSync(path.join(tmpdir(), 'labshare-device-'));
  const state = path.join(stateDir, 'door.json');
  beforeAll(async () => {
    h = await startAccessService();
    provider = makeOrg('university');
    consumer = makeOrg('enterprise');
    resource = await makeResource(h, provider);
    const minted = await npm('token', ['--sub', 'door-7', '--org', provider.id, '--roles', 'device']);
    expect(minted.code).toBe(0);
    deviceToken = minted.out;
  });
  afterAll(async () => {
    rmSync(stateDir, { recursive: true, force: true });
    await h?.stop();
  });

  /** A booking starting in 5 minutes: its pass (valid 10 minutes early) opens the door now, in real time. */
  async function bookNow() {
    const startsAt = Math.ceil(Date.now() / MINUTE) * MINUTE + 5 * MINUTE;
    const booking = await h.announcer.booking(
      bookingSnapshot(resource, consumer, {
        start: new Date(startsAt).toISOString(),
        end: new Date(startsAt + 60 * MINUTE).toISOString(),
      }),
    );
    const pass = await h.api('POST', '/v1/passes', {
      token: consumer.booker(),
      body: { bookingId: booking.id },
    });
    return { booking, pass: pass.body as { token: string; jti: string } };
  }

  const device = (command: string, ...args: string[]) =>
    npm('device', [
      command,
      '--url',
      h.services[0]!.url,
      '--token',
      deviceToken,
      '--resource',
      resource.id,
      '--state',
      state,
      ...args,
    ]);

  /** verify takes no URL: it decides from the state file alone. */
  const verify = (token: string, resourceId = resource.id) =>
    npm('device', ['verify', '--resource', resourceId, '--state', state, '--pass', token]);

  it('when a role is not one of the platform roles, then npm run token refuses it', async () => {
    expect((await npm('token', ['--roles', 'janitor'])).code).toBe(1);
  });

  it('when the device has synced, then it decides offline: a valid pass opens, a revoked one (after the next sync) does not', async () => {
    const { booking, pass } = await bookNow();
    expect((await device('sync')).code).toBe(0);
    const offline = await verify(pass.token);
    expect(offline).toEqual({ code: 0, out: expect.stringContaining('"open":true') });
    const elsewhere = await verify(pass.token, 'res-other');
    expect(elsewhere).toEqual({ code: 2, out: JSON.stringify({ open: false, code: 'wrong_resource' }) });
    const forged = await verify(`${pass.token.slice(0, -4)}AAAA`);
    expect(forged).toEqual({ code: 2, out: JSON.stringify({ open: false, code: 'pass_invalid' }) });

    await h.announcer.booking({ ...booking, status: 'cancelled', version: 2 }, bookingEventTypes.cancelled);
    await waitFor(
      async () =>
        (await h.api('GET', `/v1/access/revocations?resourceId=${resource.id}`, { token: provider.device() }))
          .body.items.length > 0,
      { what: 'revocation written' },
    );
    const synced = await device('sync');
    expect(JSON.parse(synced.out)).toMatchObject({ keys: 1, revoked: 1 });
    const revoked = await verify(pass.token);
    expect(revoked).toEqual({ code: 2, out: JSON.stringify({ open: false, code: 'pass_revoked' }) });
  });

  it('when the device checks a pass in and out online, then it gets the session and its minutes', async () => {
    const { pass } = await bookNow();
    const checkIn = await device('check-in', '--pass', pass.token);
    expect(checkIn.code).toBe(0);
    const session = JSON.parse(checkIn.out) as { sessionId: string };
    const checkOut = await npm('device', [
      'check-out',
      '--url',
      h.services[0]!.url,
      '--token',
      deviceToken,
      '--session',
      session.sessionId,
    ]);
    expect(checkOut.code).toBe(0);
    expect(JSON.parse(checkOut.out)).toMatchObject({
      sessionId: session.sessionId,
      minutes: expect.any(Number),
    });
    const again = await device('check-in', '--pass', 'not-a-pass');
    expect(again).toEqual({ code: 2, out: JSON.stringify({ status: 403, code: 'pass_invalid' }) });
  });
});
