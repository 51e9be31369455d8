import type { Response } from 'express';

/** The app's entity tag function: express's (weak by default), none if the app turned tags off. */
export type EntityTagOf = (text: string) => string;

/**
 * A body that writes its own JSON: `sendJson` sends the text (and entity tag) this returns instead
 * of serialising the body. For an answer cut from one whose JSON is kept, whose text is then cut
 * from that JSON rather than made again. The text must be the body's JSON (as a value).
 */
export const ownJson = Symbol('ownJson');
export interface OwnJson {
  [ownJson](tagOf: EntityTagOf | undefined): { text: string; etag?: string };
}

/** The JSON (encoded) and entity tag of each frozen answer sent, for as long as the answer itself lives. */
const written = new WeakMap<object, { text: Buffer; etag?: string }>();

/**
 * Sends `body` as JSON, the same as `res.json`. A frozen body is one a flow hands out again
 * unchanged (an answer it keeps for reuse): its JSON and entity tag are made the first time and
 * reused after, so a large answer asked again costs neither its serialisation nor its hash. The
 * JSON is kept encoded, as the bytes sent: express turns a long string into a new Buffer on each
 * `send`, which for a 90-day availability answer was 475 KB of memory outside the heap per request
 * (and the collections that memory brings). A body with its own JSON (`ownJson`) is sent as it
 * writes itself.
 */
export function sendJson(res: Response, status: number, body: unknown): void {
  if (!READS.has(res.req.method)) {
    sendUntagged(res, status, body);
    return;
  }
  if (body === null || typeof body !== 'object') {
    res.status(status).json(body);
    return;
  }
  const app = res.app.get('etag fn') as ((text: string, encoding: string) => string) | undefined;
  const tagOf = app && ((text: string) => app(text, 'utf8'));
  const own = (body as Partial<OwnJson>)[ownJson];
  if (typeof own === 'function') {
    send(res, status, own.call(body, tagOf));
    return;
  }
  if (!Object.isFrozen(body)) {
    res.status(status).json(body);
    return;
  }
  let memo = written.get(body);
  if (!memo) {
    const text = JSON.stringify(body);
    memo = { text: Buffer.from(text), etag: tagOf?.(text) };
    written.set(body, memo);
  }
  send(res, status, memo);
}

/** The methods whose answers a client may revalidate with the entity tag (`If-None-Match`). */
const READS = new Set(['GET', 'HEAD']);

/**
 * The answer to a write, without an entity tag: express would hash the JSON for one (and so turn
 * it into a Buffer, written apart from the head), though no client revalidates the answer to a
 * write, and every answer here is `no-store` besides. As `res.json` sends it otherwise.
 */
function sendUntagged(res: Response, status: number, body: unknown): void {
  const own = body !== null && typeof body === 'object' ? (body as Partial<OwnJson>)[ownJson] : undefined;
  const text = typeof own === 'function' ? own.call(body, undefined).text : JSON.stringify(body);
  if (text === undefined) {
    res.status(status).json(body);
    return;
  }
  res.status(status).type('application/json');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

function send(res: Response, status: number, json: { text: string | Buffer; etag?: string }): void {
  if (json.etag) res.set('ETag', json.etag);
  res.status(status).type('application/json').send(json.text);
}
