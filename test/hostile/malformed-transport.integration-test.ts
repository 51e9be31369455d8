import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as inventory from '@labshare/inventory';
import type { RunningService } from '@labshare/runtime';
import { testEnv, tokenFor } from '@labshare/testkit';

const admin = tokenFor({ sub: 'zone-admin', org: 'zone', roles: ['admin'] });

/** A request exactly as written: raw target, raw bytes, any method. */
function send(
  base: string,
  method: string,
  target: string,
  options: { headers?: Record<string, string>; body?: Buffer } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: target,
        headers: { authorization: admin, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Hostile input, class 2: malformed transport input is a 400 problem, an unknown method a 405. */
describe('malformed transport input', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await inventory.start(inventory.loadConfig(testEnv()));
  });
  afterAll(() => service?.stop());

  const json = { 'content-type': 'application/json' };
  const org = Buffer.from(JSON.stringify({ name: 'Transport test org', kind: 'university' }));

  it.each([
    ['a broken percent-encoding in a path', 'GET', '/v1/orgs/%E0%A4%A', {}, 'path'],
    [
      'a body declared gzip that is not',
      'POST',
      '/v1/orgs',
      { headers: { ...json, 'content-encoding': 'gzip' }, body: org },
      'body',
    ],
    [
      'a body in an encoding nobody knows',
      'POST',
      '/v1/orgs',
      { headers: { ...json, 'content-encoding': 'x-weird' }, body: org },
      'header.content-encoding',
    ],
    [
      'invalid UTF-8 inside JSON',
      'POST',
      '/v1/orgs',
      {
        headers: json,
        body: Buffer.concat([
          Buffer.from('{"name":"Bad \\xff'),
          Buffer.from([0xff, 0xfe]),
          Buffer.from('","kind":"university"}'),
        ]),
      },
      'body',
    ],
    ['JSON that is not JSON', 'POST', '/v1/orgs', { headers: json, body: Buffer.from('{"name": ') }, 'body'],
    [
      'a charset nobody knows',
      'POST',
      '/v1/orgs',
      { headers: { 'content-type': 'application/json; charset=x-klingon' }, body: org },
      'header.content-type',
    ],
  ] as const)(
    'when a request has %s, then it is a 400 problem naming %s',
    async (_name, method, target, options, field) => {
      const answer = await send(service.url, method, target, options as never);
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'validation_failed', errors: [{ field }] });
    },
  );

  it('when a gzip body is really gzip, then it is read', async () => {
    const answer = await send(service.url, 'POST', '/v1/orgs', {
      headers: { ...json, 'content-encoding': 'gzip' },
      body: gzipSync(Buffer.from(JSON.stringify({ name: `Gzip org ${Date.now()}`, kind: 'enterprise' }))),
    });
    expect(answer.status).toBe(201);
  });

  it('when a body is larger than allowed, then it is a 413 problem', async () => {
    const big = Buffer.from(JSON.stringify({ name: 'x'.repeat(300_000), kind: 'university' }));
    const answer = await send(service.url, 'POST', '/v1/orgs', { headers: json, body: big });
    expect([answer.status, JSON.parse(answer.body).code]).toEqual([413, 'payload_too_large']);
  });

  it.each([
    ['TRACE on a known path', 'TRACE', '/v1/orgs'],
    ['TRACE anywhere', 'TRACE', '/nowhere'],
    ['a method the path does not take', 'DELETE', '/v1/orgs'],
    ['PUT on a resource', 'PUT', '/v1/resources/some-id'],
  ])('when a request uses %s, then it is a 405 problem with Allow', async (_name, method, target) => {
    const answer = await send(service.url, method, target);
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBeTruthy();
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'method_not_allowed' });
  });

  it('when OPTIONS asks a known path, then it says what is allowed', async () => {
    const answer = await send(service.url, 'OPTIONS', '/v1/orgs');
    expect(answer.status).toBe(204);
    expect(answer.headers.allow?.split(', ').sort()).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
  });
});
