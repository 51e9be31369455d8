import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The web console's built files (`web/console/dist`): a file that exists is served as it is (hashed
 * assets cached for a year), any other GET of a page path gets `index.html`, so the single-page
 * app's own routes (`/resources/…`, `/bookings`) open directly. API paths never reach this.
 */
export function consoleFiles(dir: string) {
  const root = path.resolve(dir);
  return (req: IncomingMessage, res: ServerResponse, pathname: string): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const decoded = safelyDecoded(pathname);
    if (decoded === undefined) return false;
    const file = path.resolve(root, `.${decoded}`);
    const inside = file.startsWith(`${root}${path.sep}`);
    const found = inside && isFile(file) ? file : undefined;
    if (!found && path.extname(pathname) !== '') return false;
    const served = found ?? path.join(root, 'index.html');
    if (!isFile(served)) return false;
    const immutable = found?.includes(`${path.sep}assets${path.sep}`);
    res.writeHead(200, {
      'content-type': types[path.extname(served)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(served).pipe(res);
    return true;
  };
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function safelyDecoded(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}
