import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_SECRET } from './dev-secret';
import { createGateway, type GatewayOptions } from './gateway';

async function listening(options: GatewayOptions): Promise<{ server: http.Server; url: string }> {
  const server = createGateway([], () => false, options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('gateway: the web console and development sign-in', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'console-dist-'));
  let dev: { server: http.Server; url: string };
  let configured: { server: http.Server; url: string };
  beforeAll(async () => {
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    dev = await listening({ consoleDir: dist, devTokenSecret: DEV_SECRET });
    configured = await listening({ consoleDir: dist });
  });
  afterAll(async () => {
    await Promise.all([dev, configured].map((g) => new Promise((resolve) => g.server.close(resolve))));
    rmSync(dist, { recursive: true, force: true });
  });

  it.each(['/', '/resources/abc', '/bookings/b-1/pass', '/sign-in?next=%2Ffinance'])(
    'when a page path %s is asked, then it is the console',
    async (target) => {
      const answer = await fetch(`${dev.url}${target}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await answer.text()).toContain('<title>console</title>');
    },
  );

  it('when a built asset is asked, then it is served with its type and cached', async () => {
    const answer = await fetch(`${dev.url}/assets/app-1234.js`);
    expect(answer.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(answer.headers.get('cache-control')).toContain('immutable');
  });

  it.each([
    '/v1/nothing',
    '/v2/orgs',
    '/dev/other',
    '/.well-known/other',
    '/assets/missing.js',
    '/assets/..%2F..%2Fpackage.json',
  ])('when %s is asked, then no console page answers it (a 404 problem)', async (target) => {
    const answer = await fetch(`${dev.url}${target}`);
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
  });

  it('when the development secret is in use, then POST /dev/token mints a token with the chosen org and roles', async () => {
    const answer = await fetch(`${dev.url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: 'ana', org: 'org-1', roles: ['booker'] }),
    });
    expect(answer.status).toBe(201);
    const { token } = (await answer.json()) as { token: string };
    expect(jwt.verify(token, DEV_SECRET)).toMatchObject({ sub: 'ana', org: 'org-1', roles: ['booker'] });
  });

  it.each([{ sub: 'ana', org: 'org-1', roles: ['root'] }, { org: 'org-1', roles: [] }, 'not json'])(
    'when the sign-in request is off its shape (%j), then it is a 400',
    async (body) => {
      const answer = await fetch(`${dev.url}/dev/token`, {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      expect(answer.status).toBe(400);
    },
  );

  it('when a configured issuer is in use, then /dev/token does not exist', async () => {
    const answer = await fetch(`${configured.url}/dev/token`, {
      method: 'POST',
      body: JSON.stringify({ sub: 'ana', org: 'org-1', roles: ['admin'] }),
    });
    expect(answer.status).toBe(404);
  });
});
