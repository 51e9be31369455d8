import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, readyUrl, waitFor } from '@labshare/testkit';
import { isAlive } from '@labshare/local-infra';
import { jvmPidsIn, platformEnv } from '../support/platform-process';

describe('npm start', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'labshare-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('when started with no infrastructure configured, then /readyz is 200 within 120 s and a Ctrl-C stops everything, services first and cleanly, within 15 s', async () => {
    const env = platformEnv(dataDir, { PORT: '0' });
    const started = Date.now();
    const platform = spawn('npm', ['start'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // a process group of its own, as a terminal gives a command it runs
    });
    let output = '';
    platform.stdout.on('data', (c: Buffer) => (output += c.toString()));
    platform.stderr.on('data', (c: Buffer) => (output += c.toString()));
    try {
      const base = await waitFor(() => readyUrl(output), {
        timeoutMs: 120_000,
        intervalMs: 250,
        what: 'the "[platform] ready in" line',
      }).catch((error: Error) => {
        throw new Error(`${error.message}\nnpm start said:\n${output}`);
      });
      const readyz = await fetch(`${base}/readyz`);
      expect(readyz.status).toBe(200);
      expect(((await readyz.json()) as { status: string }).status).toBe('ready');
      expect(Date.now() - started).toBeLessThan(120_000);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      // The web console, built by npm start itself, at / and at any of its own page paths.
      for (const page of ['/', '/resources/any']) {
        const answer = await fetch(`${base}${page}`);
        expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
        expect(await answer.text()).toContain('<div id="root">');
      }
      const index = await (await fetch(`${base}/`)).text();
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
      const bundle = await (await fetch(`${base}${script}`)).text();
      expect(bundle).not.toContain('jsxDEV'); // React's production build, whatever NODE_ENV npm start had
      const events = (await (await fetch(`${base}/asyncapi.json`)).json()) as {
        channels: object;
      };
      expect(Object.keys(events.channels)).toContain('booking.booking-events.v1');
      const bookingApi = (await (await fetch(`${base}/booking/openapi.json`)).json()) as {
        paths: object;
      };
      expect(Object.keys(bookingApi.paths)).toContain('/v1/bookings');
      // Access publishes its pass keys through the gateway: the development key kept in the data folder.
      const jwks = (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as {
        keys: { kid: string; alg: string }[];
      };
      expect(jwks.keys).toEqual([expect.objectContaining({ alg: 'ES256' })]);
      expect(existsSync(path.join(dataDir, 'access', 'dev-pass-key.pem'))).toBe(true);
      const pids = jvmPidsIn(output);
      expect(pids).toHaveLength(2);
      expect(pids.every(isAlive)).toBe(true);

      // Ctrl-C: the terminal sends SIGINT to every process in the foreground group at once.
      const stopAt = Date.now();
      const before = output.length;
      process.kill(-platform.pid!, 'SIGINT');
      expect(await exited(platform)).toBe(0);
      await waitFor(() => !pids.some(isAlive), {
        timeoutMs: 15_000,
        what: 'JVMs gone',
      });
      expect(Date.now() - stopAt).toBeLessThan(15_000);
      expect(output).toContain('[platform] stopped');
      // Each service drained and exited 0 while Kafka and MongoDB were still up: no error logged.
      expect(output).not.toMatch(/did not stop cleanly|exited unexpectedly/);
      expect(output.slice(before)).not.toMatch(/"level":(50|60)/);
    } finally {
      if (platform.exitCode === null) platform.kill('SIGKILL');
    }
  }, 180_000);
});
