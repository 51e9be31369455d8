import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { asyncApiDocument } from '@labshare/contracts';
import { consoleFiles } from './console-files';
import { devTokenEndpoint } from './dev-token-endpoint';

export interface Upstream {
  name: string;
  url: string;
  /** Path prefixes this service answers on the shared origin. */
  prefixes: string[];
}

export interface GatewayOptions {
  /** The web console's built files, served at `/` for every path no service answers. */
  consoleDir?: string;
  /** Set only under the development secret: `POST /dev/token` mints tokens with it. */
  devTokenSecret?: string;
}

/**
 * The one origin (`http://localhost:8080`): routes each request by path prefix to the service
 * that owns it, and answers `/healthz`, `/readyz` and `/asyncapi.json` for the whole platform;
 * every other page path is the web console's.
 */
export function createGateway(
  upstreams: Upstream[],
  isDraining: () => boolean,
  options: GatewayOptions = {},
): http.Server {
  const route = (path: string) =>
    upstreams.find((u) =>
      u.prefixes.some(
        (p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`) || path.startsWith(`${p}?`),
      ),
    );

  const eventsDocument = asyncApiDocument();
  const devToken = options.devTokenSecret ? devTokenEndpoint(options.devTokenSecret) : undefined;
  const consolePage = options.consoleDir ? consoleFiles(options.consoleDir) : undefined;
  return http.createServer((req, res) => {
    const path = normalised(req.url ?? '/');
    if (path === undefined)
      return problem(res, 400, 'validation_failed', 'The request target is not a path.');
    if (path === '/healthz') return json(res, 200, { status: 'ok' });
    if (path === '/readyz')
      return void readiness(upstreams, isDraining()).then(({ status, body }) => json(res, status, body));
    if (path === '/asyncapi.json') return json(res, 200, eventsDocument);
    const serviceDoc = /^\/(\w+)\/openapi\.json$/.exec(path.split('?')[0] ?? '');
    const target = serviceDoc ? upstreams.find((u) => u.name === serviceDoc[1]) : route(path);
    if (!target) {
      const pathname = path.split('?')[0] ?? '';
      if (devToken && pathname === '/dev/token') return devToken(req, res);
      const isPage = !/^\/(v\d+|dev|\.well-known)(\/|$)/.test(pathname);
      if (isPage && consolePage?.(req, res, pathname)) return;
      return problem(res, 404, 'not_found', `No service answers ${path}.`);
    }
    proxy(req, res, target.url, serviceDoc ? '/openapi.json' : path);
  });
}

/**
 * The path as the services will resolve it, dot segments (`..`, `%2e%2e`) removed, with its query:
 * the gateway routes by what the service will see, so `/v1/orgs/../../metrics` cannot walk from a
 * public prefix to a service's internals (they are under no public prefix).
 */
function normalised(target: string): string | undefined {
  if (!target.startsWith('/')) return undefined;
  try {
    const url = new URL(target, 'http://gateway.invalid');
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}

function proxy(req: IncomingMessage, res: ServerResponse, base: string, path: string): void {
  const upstream = http.request(
    new URL(path, base),
    {
      method: req.method,
      headers: { ...endToEnd(req.headers), 'x-forwarded-for': req.socket.remoteAddress ?? '' },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) problem(res, 502, 'bad_gateway', 'The service did not answer.');
    else res.destroy();
  });
  req.pipe(upstream);
}

/**
 * Hop-by-hop headers (RFC 9110 §7.6.1) describe one connection, not the message: a service's
 * `connection`/`keep-alive` must not leak onto the client's connection to the gateway (nor the
 * client's onto the gateway's pool), or a client reuses a socket the gateway is closing.
 */
const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const named = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase()),
  );
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !hopByHop.has(name) && !named.has(name)),
  );
}

async function readiness(upstreams: Upstream[], draining: boolean) {
  const checks: Record<string, unknown> = {};
  await Promise.all(
    upstreams.map(async (u) => {
      try {
        const answer = await fetch(`${u.url}/readyz`, { signal: AbortSignal.timeout(5000) });
        checks[u.name] = await answer.json();
      } catch (error) {
        checks[u.name] = { status: 'unreachable', error: String(error) };
      }
    }),
  );
  const ready =
    !draining && Object.values(checks).every((c) => (c as { status?: string }).status === 'ready');
  return { status: ready ? 200 : 503, body: { status: ready ? 'ready' : 'unready', services: checks } };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function problem(res: ServerResponse, status: number, code: string, detail: string): void {
  res
    .writeHead(status, { 'content-type': 'application/problem+json' })
    .end(JSON.stringify({ type: `https://errors.labshare.dev/${code}`, title: code, status, detail, code }));
}
