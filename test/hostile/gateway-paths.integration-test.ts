import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../infra/platform/src/gateway';

/** Sends a request target exactly as written (fetch would resolve dot segments before sending). */
function raw(
  port: number,
  method: string,
  target: string,
  headers: http.OutgoingHttpHeaders = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: target, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Hostile input, class 3: the gateway picks a service by the path the service will see, after dot
 * segments are resolved, so no path walks from a public prefix to a service's internals.
 */
describe('gateway paths', () => {
  const seen: string[] = [];
  let seenHeaders: http.IncomingHttpHeaders = {};
  const upstream = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    seenHeaders = req.headers;
    const hop = req.url === '/v1/orgs/hop' ? { connection: 'x-service-hop', 'x-service-hop': '1' } : {};
    res
      .writeHead(200, { 'content-type': 'application/json', 'x-end': '1', ...hop })
      .end('{"from":"upstream"}');
  });
  let gateway: http.Server;
  let port: number;
  beforeAll(async () => {
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    gateway = createGateway(
      [{ name: 'inventory', url, prefixes: ['/v1/orgs', '/v1/resources'] }],
      () => false,
    );
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    port = (gateway.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => gateway.close(resolve));
    await new Promise((resolve) => upstream.close(resolve));
  });

  it.each([
    '/v1/orgs/../../metrics',
    '/v1/orgs/%2e%2e/%2E%2E/metrics',
    '/v1/resources/x/../../../metrics',
    '/metrics',
    '/v1/orgs/..%2F..%2Fmetrics/../../../healthz?x=1',
  ])('when %s is asked, then nothing reaches a service internal', async (target) => {
    seen.length = 0;
    const answer = await raw(port, 'GET', target);
    expect(seen.filter((p) => /^\/(metrics|healthz)/.test(p))).toEqual([]);
    expect([200, 404]).toContain(answer.status);
  });

  it('when a path stays under a public prefix after normalisation, then it is forwarded as normalised', async () => {
    seen.length = 0;
    const answer = await raw(port, 'GET', '/v1/resources/a/../b?limit=5');
    expect(answer.status).toBe(200);
    expect(seen).toEqual(['/v1/resources/b?limit=5']);
  });

  it('when the request target is not a path, then it is a 400 problem', async () => {
    const answer = await raw(port, 'GET', 'http://elsewhere.example/v1/orgs');
    expect(answer.status).toBe(400);
  });

  it('when either side names hop-by-hop headers, then the gateway passes on only the end-to-end ones', async () => {
    const answer = await raw(port, 'GET', '/v1/orgs/hop', {
      connection: 'x-client-hop',
      'x-client-hop': '1',
      'x-client-end': '1',
    });
    expect(answer.status).toBe(200);
    expect(seenHeaders['x-client-end']).toBe('1');
    expect(seenHeaders['x-client-hop']).toBeUndefined();
    expect(answer.headers['x-end']).toBe('1');
    expect(answer.headers['x-service-hop']).toBeUndefined();
  });
});
