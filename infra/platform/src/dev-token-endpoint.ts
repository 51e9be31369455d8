import type { IncomingMessage, ServerResponse } from 'node:http';
import { roles } from '@labshare/contracts';
import { z } from 'zod';
import { signDevToken } from './dev-secret';

const devTokenRequest = z
  .object({
    sub: z.string().trim().min(1).max(100),
    org: z.string().trim().min(1).max(100),
    roles: z.array(z.enum(roles)).max(roles.length),
  })
  .strict();

/**
 * `POST /dev/token {sub, org, roles}` → `{token}`: the console's development sign-in. The gateway
 * answers it only when `npm start` fell back to the development secret (no AUTH_* configured, not
 * production), so it mints nothing a deployment would accept.
 */
export function devTokenEndpoint(secret: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'POST') return send(res, 405, { code: 'method_not_allowed' });
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
      if (raw.length > 4096) req.destroy();
    });
    req.on('end', () => {
      const parsed = devTokenRequest.safeParse(parseJson(raw));
      if (!parsed.success) return send(res, 400, { code: 'validation_failed', detail: parsed.error.message });
      send(res, 201, { token: signDevToken(parsed.data, secret, 12) });
    });
  };
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
